// One Comlink-wrapped Web Worker that is restarted after it dies: the user gets one notice naming the worker
// and what to do next, and calls in flight reject (so their task entries and busy veils end) instead of
// hanging. Shared by the pipeline and solver clients. No units.
import * as Comlink from 'comlink';
import { useApp } from './store';

export interface RestartingWorker<T> {
  /** The live remote, creating the worker on first use or after a death. */
  remote(): Comlink.Remote<T>;
  /** The live worker, if any (debug hook for crash-recovery tests). */
  current(): Worker | undefined;
}

/**
 * `make` must construct the worker itself (`new Worker(new URL('./workers/x.ts', import.meta.url), …)`) so the
 * bundler sees the literal URL. `label` names it in messages ("pipeline"), `advice` ends the notice, `onDeath`
 * drops whatever the caller cached about the dead worker.
 */
export function restartingWorker<T>(
  make: () => Worker,
  label: string,
  advice: string,
  onDeath: () => void = () => undefined,
): RestartingWorker<T> {
  let worker: Worker | undefined;
  let remote: Comlink.Remote<T> | undefined;
  const start = (): Comlink.Remote<T> => {
    const w = make();
    let died: (err: Error) => void = () => undefined;
    const death = new Promise<never>((_, reject) => (died = reject));
    death.catch(() => undefined);
    worker = w;
    w.addEventListener('error', (e) => {
      const why = e.message || 'unknown error';
      useApp.getState().notify('error', `The ${label} worker stopped (${why}); it was restarted. ${advice}`);
      died(new Error(`the ${label} worker stopped (${why})`));
      w.terminate();
      if (worker === w) {
        worker = undefined;
        remote = undefined;
        onDeath();
      }
    });
    const wrapped = Comlink.wrap<T>(w);
    return new Proxy(wrapped, {
      get(target, key) {
        const f = (target as unknown as Record<PropertyKey, unknown>)[key];
        if (typeof f !== 'function') return f;
        return (...args: unknown[]) => Promise.race([(f as (...a: unknown[]) => unknown)(...args), death]);
      },
    });
  };
  return {
    remote: () => (remote ??= start()),
    current: () => worker,
  };
}
