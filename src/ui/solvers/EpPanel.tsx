// EP workflow panel: cell model and parameters (dx mm, dt ms, duration ms, pacing cycle length ms, beats,
// conductivity S/m, by default tuned on the grid to target CVs in mm/ms, backend), stimulus placement and
// ablation-line drawing by clicking on the heart surface (world RAS mm), Run / Cancel, which compute backend ran, and switches between Vm (mV) and the activation map
// (ms, with isochrones). Parameters are React state, registered as the "ep" session slice (saved, autosaved,
// shared, restored; epParams.ts checks what comes back); frames live in fieldData (see solverClient.ts). After a
// run that did not complete, a status line says what the fields on screen are (partial run / previous run).
// S1-S2: an S2 extrastimulus at the S1 site "S2 coupling" ms after the last S1; after the run a line says whether
// it captured (epS2.ts).
import { useState } from 'react';
import { useApp } from '../../app/store';
import { useFields } from '../../app/fieldStore';
import { epResults, runEpWorkflow } from '../../app/solverClient';
import { useEpStatus } from '../../app/epStatus';
import type { EpRunParams } from '../../app/workers/solver-ep-run';
import { useSessionSlice } from '../session';
import { NumberField } from './NumberField';
import { EP_BACKENDS, EP_DEFAULTS, EP_LIMITS, MODEL_DT, parseEpParams, type EpPanelParams } from './epParams';
import { s2Report } from './epS2';

const MYOCARDIUM = /myocard|heart/i;
/** Blood pools: the cavities for rule-based fibres (ventricles, or the contrast blood pool of a split heart). */
const BLOOD = /lv_blood|rv_blood|ventric|blood_pool/i;

export function EpPanel() {
  const [p, setP] = useState<EpPanelParams>(EP_DEFAULTS);
  useSessionSlice('ep', p, setP, parseEpParams);
  const [lastBackend, setLastBackend] = useState<string>('');
  const [s2Text, setS2Text] = useState<string>('');
  const status = useEpStatus();
  const organs = useApp((s) => s.organs);
  const running = useApp((s) => s.tasks.some((t) => t.id === 'ep'));
  const cancel = useApp((s) => s.tasks.find((t) => t.id === 'ep')?.cancel);
  const { pickMode, stimulus, lesion, active, available, set } = useFields();
  // a myocardium label first (a split heart also lists heart_blood_pool, which must not become the tissue)
  const heart = organs.find((o) => /myocard/i.test(o.name)) ?? organs.find((o) => MYOCARDIUM.test(o.name) && !BLOOD.test(o.name));
  const upd = (patch: Partial<typeof p>) => setP((q) => ({ ...q, ...patch }));
  const run = async () => {
    const labels = heart?.label !== undefined ? [heart.label] : [];
    if (labels.length === 0) {
      useApp.getState().notify('error', 'EP: no labelled heart myocardium in this scan');
      return;
    }
    const cavityLabels = organs.filter((o) => BLOOD.test(o.name) && o.label !== undefined).map((o) => o.label!);
    const { s1s2, s2CouplingMs, cvTarget, cvL, cvT, ...base } = p;
    const lastS1StartMs = (Math.max(1, Math.round(p.beats)) - 1) * p.pacingClMs;
    if (s1s2 && lastS1StartMs + s2CouplingMs >= p.durationMs) {
      useApp.getState().notify('error', `EP: S2 at ${lastS1StartMs + s2CouplingMs} ms lies past the run's ${p.durationMs} ms duration`);
      return;
    }
    set({ pickMode: 'none' });
    setS2Text('');
    const out = await runEpWorkflow(
      {
        ...base,
        labels,
        cavityLabels,
        stimulus,
        lesion,
        s1s2: s1s2 ? { couplingMs: s2CouplingMs } : undefined,
        targetCv: cvTarget ? { l: cvL, t: cvT } : undefined,
      },
      (n) => MYOCARDIUM.test(n) || /lv_blood|rv_blood/i.test(n),
    );
    if (out) {
      const sigma = `σ ${out.sigmaUsed.l.toPrecision(3)}/${out.sigmaUsed.t.toPrecision(3)} S/m${out.sigmaUsed.tuned ? ' (tuned to this grid)' : ''}`;
      setLastBackend(`${out.backend} — ${out.backendReason}; ${out.fibres} fibres; ${sigma}${out.tissueNote ? `; ${out.tissueNote}` : ''}`);
      setS2Text(s2Report(out)?.text ?? '');
    }
  };
  const hasAct = available.some((a) => a.name === 'activation');
  return (
    <section className="ep-panel" aria-label="cardiac electrophysiology">
      <h2>Cardiac EP</h2>
      <label>
        model
        <select aria-label="cell model" value={p.model} onChange={(e) => upd({ model: e.target.value as EpRunParams['model'], dtMs: MODEL_DT[e.target.value as EpRunParams['model']] })}>
          <option value="ms">Mitchell-Schaeffer</option>
          <option value="ap">Aliev-Panfilov</option>
          <option value="fk">Fenton-Karma</option>
          <option value="tnnp">ten Tusscher 2006</option>
        </select>
      </label>
      <NumberField label="dx" unit="mm" value={p.dxMm} min={EP_LIMITS.dxMm[0]} max={EP_LIMITS.dxMm[1]} step={0.5} onChange={(v) => upd({ dxMm: v })} />
      <NumberField label="dt" unit="ms" value={p.dtMs} min={EP_LIMITS.dtMs[0]} max={EP_LIMITS.dtMs[1]} step={0.005} onChange={(v) => upd({ dtMs: v })} />
      <NumberField label="duration" unit="ms" value={p.durationMs} min={EP_LIMITS.durationMs[0]} max={EP_LIMITS.durationMs[1]} step={10} onChange={(v) => upd({ durationMs: v })} />
      <NumberField label="pacing CL" unit="ms" value={p.pacingClMs} min={EP_LIMITS.pacingClMs[0]} max={EP_LIMITS.pacingClMs[1]} step={10} onChange={(v) => upd({ pacingClMs: v })} />
      <NumberField label="beats" unit="" value={p.beats} min={EP_LIMITS.beats[0]} max={EP_LIMITS.beats[1]} step={1} onChange={(v) => upd({ beats: v })} />
      <NumberField label="σ along fibres" unit="S/m" value={p.sigmaL} min={EP_LIMITS.sigmaL[0]} max={EP_LIMITS.sigmaL[1]} step={0.1} onChange={(v) => upd({ sigmaL: v, sigmaT: v * 0.4 })} />
      <label>
        <input type="checkbox" aria-label="tune to CV" checked={p.cvTarget} onChange={(e) => upd({ cvTarget: e.target.checked })} />
        tune σ to conduction velocity
      </label>
      {p.cvTarget && (
        <>
          <NumberField label="CV along" unit="mm/ms" value={p.cvL} min={EP_LIMITS.cvL[0]} max={EP_LIMITS.cvL[1]} step={0.05} onChange={(v) => upd({ cvL: v })} />
          <NumberField label="CV across" unit="mm/ms" value={p.cvT} min={EP_LIMITS.cvT[0]} max={EP_LIMITS.cvT[1]} step={0.05} onChange={(v) => upd({ cvT: v })} />
        </>
      )}
      <label>
        <input type="checkbox" aria-label="S1-S2" checked={p.s1s2} onChange={(e) => upd({ s1s2: e.target.checked })} />
        S1-S2
      </label>
      {p.s1s2 && (
        <NumberField label="S2 coupling" unit="ms" value={p.s2CouplingMs} min={EP_LIMITS.s2CouplingMs[0]} max={EP_LIMITS.s2CouplingMs[1]} step={10} onChange={(v) => upd({ s2CouplingMs: v })} />
      )}
      <label>
        backend
        <select aria-label="EP backend" value={p.backend} onChange={(e) => upd({ backend: e.target.value as EpRunParams['backend'] })}>
          {EP_BACKENDS.map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="button" aria-pressed={pickMode === 'stimulus'} onClick={() => set({ pickMode: pickMode === 'stimulus' ? 'none' : 'stimulus' })}>
          {pickMode === 'stimulus' ? 'Click on the heart…' : 'Place stimulus'}
        </button>
        <span className="hint">{stimulus ? `at ${stimulus.map((v) => v.toFixed(0)).join(', ')} mm` : 'default: apex'}</span>
      </div>
      <div className="row">
        <button type="button" aria-pressed={pickMode === 'lesion'} onClick={() => set({ pickMode: pickMode === 'lesion' ? 'none' : 'lesion' })}>
          {pickMode === 'lesion' ? 'Finish lesion line' : 'Draw lesion line'}
        </button>
        <span className="hint">{lesion.length} points</span>
        {lesion.length > 0 && (
          <button type="button" onClick={() => set({ lesion: [] })}>
            Clear
          </button>
        )}
      </div>
      <div className="row">
        <button type="button" className="primary" disabled={running || !heart} onClick={() => void run()}>
          Run EP
        </button>
        {running && cancel && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {lastBackend && <p className="hint" data-testid="ep-backend">backend: {lastBackend}</p>}
      {s2Text && <p className="hint" data-testid="ep-s2">{s2Text}</p>}
      {status && (
        <p className={`hint ep-status ${status.kind}`} role="status" data-testid="ep-status">
          {status.text}
        </p>
      )}
      {(available.some((a) => a.name === 'Vm') || hasAct) && (
        <div className="row" role="group" aria-label="EP view">
          <button type="button" aria-pressed={active === 'Vm'} onClick={() => set({ active: 'Vm', colormap: 'voltage', rangeMode: 'manual', min: -90, max: 30, isochrones: false })}>
            Vm (mV)
          </button>
          <button type="button" disabled={!hasAct} aria-pressed={active === 'activation'}
            onClick={() => set({ active: 'activation', colormap: 'turbo', rangeMode: 'auto', isochrones: true, isoIntervalMs: 10, playing: false })}>
            Activation (ms)
          </button>
        </div>
      )}
      {epResults.last && <p className="hint">total activation {epResults.last.totalActivationMs.toFixed(0)} ms</p>}
    </section>
  );
}
