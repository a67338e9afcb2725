// Stress workflow panel: organ preset (vertebra axial compression N / flexion N·m, LV cavity pressure kPa, lung
// transpulmonary pressure kPa), organ, element size (mm), material (tissue default / HU-based for bone with a
// chosen HU→E law, density calibration and cortical shell on the body rim, or uniform E MPa and ν), loaded and
// fixed regions picked by clicking on the mesh (sphere radius mm; preset defaults when unset; a line says what
// the picks do for the preset, or why it cannot use them), Run/Cancel, and the result views: von Mises, max
// principal stress, displacement, principal strains ε1/ε3 (%), strain energy density (kJ/m³ bone, J/m³ soft
// tissue), the deformed shape with a scale factor, and the result line (fracture risk for the vertebra, material).
// Parameters (not the picks, which are in the "fields" slice) are the "stress" session slice: saved, autosaved,
// shared and restored, the organ by NAME; stressParams.ts checks what comes back against STRESS_LIMITS.
import { useState } from 'react';
import { useApp } from '../../app/store';
import { useFields } from '../../app/fieldStore';
import { runStressWorkflow } from '../../app/solverClient';
import { SIGNED_VIEWS, STRESS_VIEWS, StressResult } from './StressResult';
import { pickNote } from '../../app/workers/stress-case';
import { classifyLabel } from '../../volume/labels';
import type { StressParams, StressPreset } from '../../app/workers/solver-stress-run';
import { NumberField } from './NumberField';
import { BoneLawFields, CorticalFields, DEFAULT_BONE_LAW, DEFAULT_CORTICAL } from './BoneLawFields';
import type { CorticalParams } from '../../app/workers/stress-material';
import { useSessionSlice } from '../session';
import { parseStressParams, STRESS_LIMITS, type StressPanelParams } from './stressParams';

interface PresetInfo {
  title: string;
  organ: RegExp;
  unit: string;
  load: number;
  elementMm: number;
  cavity?: RegExp;
}

export const STRESS_PRESETS: Record<StressPreset, PresetInfo> = {
  'vertebra-compression': { title: 'Vertebra: axial compression', organ: /vertebra/i, unit: 'N', load: 800, elementMm: 2.5 },
  'vertebra-flexion': { title: 'Vertebra: flexion moment', organ: /vertebra/i, unit: 'N·m', load: 5, elementMm: 2.5 },
  'ventricle-pressure': { title: 'Ventricle: cavity pressure', organ: /myocard/i, unit: 'kPa', load: 2, elementMm: 3, cavity: /lv_blood|left.*ventric/i },
  'lung-inflation': { title: 'Lung: transpulmonary pressure', organ: /lung/i, unit: 'kPa', load: 0.5, elementMm: 4 },
};

export function StressPanel() {
  const organs = useApp((s) => s.organs);
  const running = useApp((s) => s.tasks.some((t) => t.id === 'stress'));
  const cancel = useApp((s) => s.tasks.find((t) => t.id === 'stress')?.cancel);
  const { pickMode, load, fixed, active, available, showDeformed, dispScale, set } = useFields();
  const [preset, setPreset] = useState<StressPreset>('vertebra-compression');
  const info = STRESS_PRESETS[preset];
  const [loadValue, setLoad] = useState(info.load);
  const [elementMm, setElement] = useState(info.elementMm);
  const [material, setMaterial] = useState<'hu' | 'uniform'>('hu');
  const [E, setE] = useState(500);
  const [nu, setNu] = useState(0.3);
  const [boneLaw, setBoneLaw] = useState(DEFAULT_BONE_LAW);
  const [cortical, setCortical] = useState<CorticalParams | null>(DEFAULT_CORTICAL);
  const bone = preset.startsWith('vertebra');
  // vertebra presets also take any label classified as a vertebra (VerSe scans name them L3, T12, …)
  const candidates = organs.filter((o) => info.organ.test(o.name) || (bone && classifyLabel(o.name) === 'vertebra'));
  // the chosen organ by name ('' = the preset's default), so a restored choice needs no run-time id; kept (and
  // saved) while the scan on screen has no organ of that name, e.g. a session waiting for its file
  const [organName, setOrganName] = useState('');
  const chosen = candidates.find((o) => o.name === organName);
  const organ = chosen ?? candidates[Math.floor(candidates.length / 2)];
  const saved: StressPanelParams = { preset, load: loadValue, elementMm, material, E, nu, boneLaw, cortical, organ: organName || undefined };
  const restore = (p: Partial<StressPanelParams>) => {
    if (p.preset) setPreset(p.preset);
    if (p.load !== undefined) setLoad(p.load);
    if (p.elementMm !== undefined) setElement(p.elementMm);
    if (p.material) setMaterial(p.material);
    if (p.E !== undefined) setE(p.E);
    if (p.nu !== undefined) setNu(p.nu);
    if (p.boneLaw) setBoneLaw(p.boneLaw);
    if (p.cortical !== undefined) setCortical(p.cortical);
    setOrganName(p.organ ?? '');
  };
  useSessionSlice<Partial<StressPanelParams>>('stress', saved, restore, parseStressParams);
  const choose = (p: StressPreset) => {
    setPreset(p);
    setLoad(STRESS_PRESETS[p].load);
    setElement(STRESS_PRESETS[p].elementMm);
    set({ load: undefined, fixed: undefined });
  };
  // what the picked regions do for this preset (or why it cannot use them), shown above Run
  const note = pickNote(preset, { loadRegion: load, fixedRegion: fixed });
  const run = () => {
    if (!organ || organ.label === undefined) {
      useApp.getState().notify('error', `Stress: no labelled organ matching ${info.title} in this scan`);
      return;
    }
    const cavity = info.cavity ? organs.find((o) => info.cavity!.test(o.name))?.label : undefined;
    const params: StressParams = {
      preset, solidLabels: [organ.label], cavityLabel: cavity, load: loadValue, elementMm, material, E_MPa: E, nu, boneLaw, cortical,
      loadRegion: load, fixedRegion: fixed, backend: 'auto',
    };
    set({ pickMode: 'none' });
    void runStressWorkflow(params, [organ.id]);
  };
  const views = STRESS_VIEWS.filter((n) => available.some((a) => a.name === n));
  return (
    <section className="stress-panel" aria-label="stress analysis">
      <h2>Stress</h2>
      <label>
        preset
        <select aria-label="stress preset" value={preset} onChange={(e) => choose(e.target.value as StressPreset)}>
          {Object.entries(STRESS_PRESETS).map(([k, v]) => (
            <option key={k} value={k}>{v.title}</option>
          ))}
        </select>
      </label>
      <label>
        organ
        <select aria-label="stress organ" value={organ?.id ?? ''} onChange={(e) => setOrganName(candidates.find((o) => o.id === e.target.value)?.name ?? '')}>
          {candidates.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </select>
      </label>
      <NumberField label="load" unit={info.unit} value={loadValue} min={STRESS_LIMITS.load[0]} max={STRESS_LIMITS.load[1]} step={info.unit === 'N' ? 50 : 0.5} onChange={setLoad} />
      <NumberField label="element size" unit="mm" value={elementMm} min={STRESS_LIMITS.elementMm[0]} max={STRESS_LIMITS.elementMm[1]} step={0.5} onChange={setElement} />
      <label>
        material
        <select aria-label="material" value={material} onChange={(e) => setMaterial(e.target.value as 'hu')}>
          <option value="hu">{bone ? 'HU-based (Morgan 2003)' : 'tissue default'}</option>
          <option value="uniform">uniform E, ν</option>
        </select>
      </label>
      {material === 'hu' && bone && (
        <>
          <BoneLawFields value={boneLaw} onChange={setBoneLaw} />
          <CorticalFields value={cortical} onChange={setCortical} />
        </>
      )}
      {material === 'uniform' && (
        <>
          <NumberField label="E" unit="MPa" value={E} min={STRESS_LIMITS.E[0]} max={STRESS_LIMITS.E[1]} step={10} onChange={setE} />
          <NumberField label="ν" unit="" value={nu} min={STRESS_LIMITS.nu[0]} max={STRESS_LIMITS.nu[1]} step={0.01} onChange={setNu} />
        </>
      )}
      {(['load', 'fixed'] as const).map((kind) => {
        const region = kind === 'load' ? load : fixed;
        return (
          <div className="row" key={kind}>
            <button type="button" aria-pressed={pickMode === kind} onClick={() => set({ pickMode: pickMode === kind ? 'none' : kind })}>
              {pickMode === kind ? 'Click on the organ…' : kind === 'load' ? 'Pick loaded region' : 'Pick fixed region'}
            </button>
            {region ? (
              <>
                <NumberField label="r" unit="mm" value={region.radiusMm} min={1} max={80} step={1} onChange={(v) => set({ [kind]: { ...region, radiusMm: v } })} />
                <button type="button" onClick={() => set({ [kind]: undefined })}>preset</button>
              </>
            ) : (
              <span className="hint">preset default</span>
            )}
          </div>
        );
      })}
      {note && <p className={note.error ? 'hint error' : 'hint'} data-testid="stress-pick-note" role={note.error ? 'alert' : undefined}>{note.text}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={running || !organ || !!note?.error} onClick={run}>Run stress</button>
        {running && cancel && <button type="button" onClick={cancel}>Cancel</button>}
      </div>
      {views.length > 0 && (
        <>
          <div className="row" role="group" aria-label="stress view">
            {views.map((n) => (
              <button key={n} type="button" aria-pressed={active === n}
                onClick={() => set({ active: n, colormap: SIGNED_VIEWS.has(n) ? 'coolwarm' : 'viridis', rangeMode: 'robust' })}>
                {n}
              </button>
            ))}
          </div>
          <label className="row">
            <input type="checkbox" checked={showDeformed} onChange={(e) => set({ showDeformed: e.target.checked })} /> deformed ×
            <input type="range" aria-label="deformation scale" min={-1} max={4} step={0.05} value={Math.log10(Math.max(0.1, dispScale))}
              onChange={(e) => set({ dispScale: 10 ** Number(e.target.value) })} />
            <span>{dispScale.toPrecision(3)}</span>
          </label>
          <StressResult />
        </>
      )}
    </section>
  );
}
