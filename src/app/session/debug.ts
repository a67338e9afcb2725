// Debug/test hook on window.__organTwin (merged with whatever other features put there): session capture
// and restore, autosave controls, simulated pipeline- and solver-worker crashes for the recovery tests, and a
// forced render failure in the 3D view or the panels for the error-boundary test.
import { pipeline, pipelineWorkerForDebug } from '../pipelineClient';
import { solverWorkerForDebug } from '../solverClient';
import { setRenderFault, type RenderArea } from '../renderFault';
import { useApp } from '../store';
import { loadPhantom } from '../loadScene';
import { clearAutosave, loadAutosave, saveNow } from './autosave';
import { captureSession, getCamera } from './capture';
import { restoreSession } from './restore';
import { validateSession } from './validate';
import { foreignFetch, gpuCheck, wasmCheck } from './selfCheck';

export function installSessionDebugHook(): void {
  const w = window as unknown as { __organTwin?: Record<string, unknown> };
  w.__organTwin = {
    ...(w.__organTwin ?? {}),
    session: {
      capture: () => captureSession(),
      restore: (value: unknown) => restoreSession(validateSession(value, 'debug'), 'file'),
      saveNow,
      loadAutosave,
      clearAutosave,
    },
    camera: () => getCamera(),
    appState: () => {
      const s = useApp.getState();
      return { sourceName: s.sourceName, organs: s.organs, tasks: s.tasks.length, notices: s.notices };
    },
    /** Kills the pipeline worker the way a crash would: terminate + the 'error' event the app listens to. */
    crashPipelineWorker: (): boolean => {
      const wk = pipelineWorkerForDebug();
      if (!wk) return false;
      wk.terminate();
      wk.dispatchEvent(new ErrorEvent('error', { message: 'worker terminated from the page (test)' }));
      return true;
    },
    /** Kills the solver worker the same way (e.g. in the middle of an EP run); false when none is running. */
    crashSolverWorker: (): boolean => {
      const wk = solverWorkerForDebug();
      if (!wk) return false;
      wk.terminate();
      wk.dispatchEvent(new ErrorEvent('error', { message: 'worker terminated from the page (test)' }));
      return true;
    },
    /** Makes the 3D view or the panels throw while rendering (error-boundary test); fixRender undoes it. */
    breakRender: (area: RenderArea): void => setRenderFault(area, true),
    fixRender: (area: RenderArea): void => setRenderFault(area, false),
    /** Starts a phantom rebuild (a long pipeline task) without waiting for it. */
    startPhantomTask: (): void => void loadPhantom(),
    selfCheck: { gpu: gpuCheck, wasm: wasmCheck, foreignFetch },
    /** Round trip to a (possibly new) pipeline worker: resolves when it answers. */
    pingPipeline: async (): Promise<'empty' | 'has-scan'> =>
      (await pipeline().describe()) ? 'has-scan' : 'empty',
  };
}
