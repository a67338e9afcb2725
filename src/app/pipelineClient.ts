// Main-thread side of the pipeline worker: one worker instance, Comlink-wrapped, with progress reported into
// the app store and cancellation through a shared flag. Restarts the worker if it dies.
import * as Comlink from 'comlink';
import type { PipelineApi } from './workers/pipeline.worker';
import { makeCancelFlag, requestCancel } from './workers/cancel';
import { useApp } from './store';

let worker: Worker | undefined;
let remote: Comlink.Remote<PipelineApi> | undefined;

export function pipeline(): Comlink.Remote<PipelineApi> {
  if (!remote) {
    const w = new Worker(new URL('./workers/pipeline.worker.ts', import.meta.url), { type: 'module' });
    let died: (err: Error) => void = () => undefined;
    const death = new Promise<never>((_, reject) => (died = reject));
    death.catch(() => undefined);
    worker = w;
    w.addEventListener('error', (e) => {
      useApp
        .getState()
        .notify(
          'error',
          `The pipeline worker stopped (${e.message || 'unknown error'}); it was restarted. The scene on screen and ` +
            `your session are kept; open the scan again before reconstructing.`,
        );
      died(new Error(`the pipeline worker stopped (${e.message || 'unknown error'})`));
      w.terminate();
      if (worker === w) {
        worker = undefined;
        remote = undefined;
      }
    });
    const wrapped = Comlink.wrap<PipelineApi>(w);
    // Calls in flight when the worker dies reject instead of hanging, so their task entries end.
    remote = new Proxy(wrapped, {
      get(target, key) {
        const f = (target as unknown as Record<PropertyKey, unknown>)[key];
        if (typeof f !== 'function') return f;
        return (...args: unknown[]) => Promise.race([(f as (...a: unknown[]) => unknown)(...args), death]);
      },
    });
  }
  return remote;
}

/** The live pipeline worker, if any (debug hook for crash-recovery tests; see src/app/session/debug.ts). */
export function pipelineWorkerForDebug(): Worker | undefined {
  return worker;
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
