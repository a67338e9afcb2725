// What the EP fields on screen are after a run that did not complete: the partial run (cancelled, diverged or
// its worker died after some frames: "frames 0–t ms") or the previous run's fields (the new run stopped before
// its first frame). Cleared when a run completes, when a new scan loads, and when the EP fields are gone
// (e.g. a stress run replaced them). Small React state (zustand); units: ms.
import { create } from 'zustand';
import { useApp } from './store';
import { useFields } from './fieldStore';

export interface EpStatus {
  kind: 'partial' | 'previous';
  text: string;
}

const useEpStatusStore = create<{ status?: EpStatus }>(() => ({ status: undefined }));

export const useEpStatus = (): EpStatus | undefined => useEpStatusStore((s) => s.status);

export function setEpStatus(status: EpStatus | undefined): void {
  useEpStatusStore.setState({ status });
}

export function epStatus(): EpStatus | undefined {
  return useEpStatusStore.getState().status;
}

useApp.subscribe((s, prev) => {
  if (s.sourceName !== prev.sourceName) setEpStatus(undefined);
});
useFields.subscribe((s) => {
  if (epStatus() && !s.available.some((a) => a.name === 'Vm' || a.name === 'activation'))
    setEpStatus(undefined);
});

/**
 * Labels the EP fields after a run: `outcome` is the run's status, or 'failed' when it threw (worker died, bad
 * input); `started` = frames of this run reached the screen (the previous fields were replaced).
 */
export function labelEpRun(
  outcome: 'completed' | 'cancelled' | 'diverged' | 'failed',
  started: boolean,
  detail: string | undefined,
): void {
  if (outcome === 'completed') return setEpStatus(undefined);
  const why = detail ?? outcome;
  if (started) {
    setEpStatus({
      kind: 'partial',
      text: `Partial EP run — ${why}. The fields shown stop where it stopped.`,
    });
    return;
  }
  const shown = useFields.getState().available.some((a) => a.name === 'Vm' || a.name === 'activation');
  setEpStatus(
    shown
      ? {
          kind: 'previous',
          text: `Showing the previous EP run — the new run stopped before its first frame (${why}).`,
        }
      : undefined,
  );
}
