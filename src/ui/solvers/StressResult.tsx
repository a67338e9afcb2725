// Stress result summary under the stress panel's views: backend, iterations, max |u| (mm), for the vertebra the
// fracture-risk indicator (percent of bone volume whose principal strains exceed the yield strains 0.77 %
// compressive / 0.70 % tensile, Morgan & Keaveny 2001, J Biomech 34:569), and the material law used. No frame.
import { stressResults } from '../../app/solverClient';
import { EXTRA_FIELD_NAMES } from '../../app/workers/stress-surface';

/** Result views in panel order; signed fields (stress/strain principal values) get a diverging colormap. */
export const STRESS_VIEWS = ['von Mises', 'max principal', 'displacement', ...EXTRA_FIELD_NAMES] as const;
export const SIGNED_VIEWS = new Set<string>(['max principal', 'principal strain ε1', 'principal strain ε3']);

const pct = (x: number) => (100 * x).toPrecision(2);

export function StressResult() {
  const r = stressResults.last;
  if (!r) return null;
  const risk = r.fractureRisk;
  return (
    <>
      <p className="hint" data-testid="stress-summary">
        {r.backend}, {r.iterations} iterations, max |u| {r.maxDispMm.toPrecision(3)} mm
        {risk && (
          <span data-testid="stress-fracture-risk" title={risk.source}>
            , {pct(risk.fractionAboveYield)} % of bone above yield strain ({pct(risk.compressive)} % compressive /{' '}
            {pct(risk.tensile)} % tensile, Morgan & Keaveny 2001)
          </span>
        )}
      </p>
      <p className="hint" data-testid="stress-material">{r.materialNote}</p>
    </>
  );
}
