// Cancellation across the worker boundary. A synchronous worker task cannot receive messages while it runs,
// so the main thread flips a flag in a SharedArrayBuffer (available: the app is cross-origin isolated) and
// the worker polls it from its progress callback, turning it into an AbortSignal for the core code.

export type CancelFlag = Int32Array;

export function makeCancelFlag(): CancelFlag {
  const buf = typeof SharedArrayBuffer !== 'undefined' ? new SharedArrayBuffer(4) : new ArrayBuffer(4);
  return new Int32Array(buf);
}

export function requestCancel(flag: CancelFlag): void {
  Atomics.store(flag, 0, 1);
}

/** An AbortSignal that aborts when the flag is set; call poll() from progress callbacks. */
export function signalFromFlag(flag: CancelFlag | undefined): { signal: AbortSignal; poll: () => boolean } {
  const controller = new AbortController();
  const poll = (): boolean => {
    if (!controller.signal.aborted && flag && Atomics.load(flag, 0) === 1) controller.abort(new Error('cancelled'));
    return controller.signal.aborted;
  };
  return { signal: controller.signal, poll };
}
