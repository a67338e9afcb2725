// Stress panel inputs for bone (vertebra presets, HU-based material): the Morgan et al. 2003 site-specific HU→E
// law (vertebra E = 4730·ρ^1.56, femoral neck E = 6850·ρ^1.49 MPa), the density calibration ρ_app = a + b·HU
// (a in g/cm³, b in g/cm³ per HU; default uncalibrated 0 + HU/600) and the cortical shell on the vertebral-body
// rim (E in MPa, thickness in mm). No frame.
import { BONE_LAW_NAMES, DEFAULT_DENSITY, type BoneLawName } from '../../solvers/mechanics/materials';
import { CORTICAL_SHELL } from '../../solvers/mechanics/cortical-shell';
import type { BoneLawParams, CorticalParams } from '../../app/workers/stress-material';
import { NumberField } from './NumberField';
import { STRESS_LIMITS } from './stressParams';

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
      <NumberField label="density a" unit="g/cm³" value={value.densityA} min={STRESS_LIMITS.densityA[0]} max={STRESS_LIMITS.densityA[1]} step={0.01} onChange={(v) => onChange({ ...value, densityA: v })} />
      <NumberField label="density b" unit="g/cm³/HU" value={Number(value.densityB.toPrecision(4))} min={STRESS_LIMITS.densityB[0]} max={STRESS_LIMITS.densityB[1]} step={0.0001} onChange={(v) => onChange({ ...value, densityB: v })} />
    </fieldset>
  );
}

export const DEFAULT_CORTICAL: CorticalParams = { E_MPa: CORTICAL_SHELL.E, thicknessMm: CORTICAL_SHELL.thicknessMm };

/** Cortical shell on the vertebral-body rim (VerSe sub-region 49): on/off, E (MPa), thickness (mm). */
export function CorticalFields(props: { value: CorticalParams | null; onChange(v: CorticalParams | null): void }) {
  const { value, onChange } = props;
  return (
    <fieldset className="bone-law" aria-label="cortical shell">
      <label className="row">
        <input type="checkbox" aria-label="cortical shell" checked={value !== null} onChange={(e) => onChange(e.target.checked ? DEFAULT_CORTICAL : null)} />
        cortical shell on the body rim (sub-region 49; needs a seg-subreg map)
      </label>
      {value && (
        <>
          <NumberField label="cortical E" unit="MPa" value={value.E_MPa} min={STRESS_LIMITS.corticalE[0]} max={STRESS_LIMITS.corticalE[1]} step={500} onChange={(v) => onChange({ ...value, E_MPa: v })} />
          <NumberField label="shell thickness" unit="mm" value={value.thicknessMm} min={STRESS_LIMITS.shellMm[0]} max={STRESS_LIMITS.shellMm[1]} step={0.05} onChange={(v) => onChange({ ...value, thicknessMm: v })} />
          <span className="hint">12 000 MPa (Shirazi-Adl 1986), 0.35 mm (Silva 1994)</span>
        </>
      )}
    </fieldset>
  );
}
