// Stress panel inputs for the HU→E law of bone (vertebra presets, HU-based material): Morgan et al. 2003
// site-specific law (vertebra E = 4730·ρ^1.56, femoral neck E = 6850·ρ^1.49 MPa) and the density calibration
// ρ_app = a + b·HU (a in g/cm³, b in g/cm³ per HU; default uncalibrated 0 + HU/600). No frame.
import { BONE_LAW_NAMES, DEFAULT_DENSITY, type BoneLawName } from '../../solvers/mechanics/materials';
import type { BoneLawParams } from '../../app/workers/stress-material';
import { NumberField } from './NumberField';

export const DEFAULT_BONE_LAW: BoneLawParams = { name: 'vertebra', densityA: DEFAULT_DENSITY.a, densityB: DEFAULT_DENSITY.b };

const TITLES: Record<BoneLawName, string> = {
  vertebra: 'vertebra: 4730·ρ^1.56',
  'femoral-neck': 'femoral neck: 6850·ρ^1.49',
};

export function BoneLawFields(props: { value: BoneLawParams; onChange(v: BoneLawParams): void }) {
  const { value, onChange } = props;
  return (
    <fieldset className="bone-law" aria-label="HU to modulus law">
      <label>
        HU→E law
        <select aria-label="HU to E law" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value as BoneLawName })}>
          {BONE_LAW_NAMES.map((n) => (
            <option key={n} value={n}>{TITLES[n]} MPa</option>
          ))}
        </select>
      </label>
      <span className="hint">ρ_app = a + b·HU (Morgan 2003)</span>
      <NumberField label="density a" unit="g/cm³" value={value.densityA} min={-1} max={1} step={0.01} onChange={(v) => onChange({ ...value, densityA: v })} />
      <NumberField label="density b" unit="g/cm³/HU" value={Number(value.densityB.toPrecision(4))} min={1e-5} max={0.01} step={0.0001} onChange={(v) => onChange({ ...value, densityB: v })} />
    </fieldset>
  );
}
