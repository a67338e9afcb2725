// Main-thread side of the pipeline worker: one worker instance, Comlink-wrapped, with progress reported into
// the app store and cancellation through a shared flag. Restarts the worker if it dies (./restartingWorker).
import * as Comlink from 'comlink';
import type { PipelineApi } from './workers/pipeline.worker';
import { makeCancelFlag, requestCancel } from './workers/cancel';
import { restartingWorker } from './restartingWorker';
import { useApp } from './store';

const handle = restartingWorker<PipelineApi>(
  () => new Worker(new URL('./workers/pipeline.worker.ts', import.meta.url), { type: 'module' }),
  'pipeline',
  'The scene on screen and your session are kept; open the scan again before reconstructing.',
);

export function pipeline(): Comlink.Remote<PipelineApi> {
  return handle.remote();
}

/** The live pipeline worker, if any (debug hook for crash-recovery tests; see src/app/session/debug.ts). */
export function pipelineWorkerForDebug(): Worker | undefined {
  return handle.current();
}

/** Runs a cancellable long task with a progress entry in the store. */
export async function runTask<T>(
  id: string,
  title: string,
  fn: (progress: (f: number, msg: string) => void, flag: Int32Array) => Promise<T>,
): Promise<T> {
  const store = useApp.getState();
  const flag = makeCancelFlag();
  store.startTask({ id, title, fraction: 0, message: 'starting', cancel: () => requestCancel(flag) });
  try {
    return await fn(
      Comlink.proxy((f: number, msg: string) => useApp.getState().progressTask(id, f, msg)),
      flag,
    );
  } finally {
    useApp.getState().endTask(id);
  }
}
