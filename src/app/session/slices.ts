// Registry of session "slices": each feature (probes, measurements, clipping, solvers, fields, ...) registers
// a getter/setter for its own JSON-serialisable view state, so the session plugs in without editing the
// feature's code. Values arriving before their slice registers (e.g. a lazy panel) are held and applied
// on registration. `share: false` keeps a slice out of share links (use it for anything that could identify
// a patient or holds more than parameters).

export interface SessionSlice {
  get(): unknown;
  set(value: unknown): void;
  /** Include in share links (URL hash). Default true. */
  share?: boolean;
}

const slices = new Map<string, SessionSlice>();
const pending = new Map<string, unknown>();
const listeners = new Set<() => void>();

/** Registers (or replaces) a slice; returns an unregister function. */
export function registerSessionSlice(name: string, slice: SessionSlice): () => void {
  if (!/^[A-Za-z][\w.-]{0,63}$/.test(name))
    throw new Error(`session slice name "${name}" must be a short identifier`);
  slices.set(name, slice);
  if (pending.has(name)) {
    const v = pending.get(name);
    pending.delete(name);
    slice.set(v);
  }
  return () => {
    if (slices.get(name) === slice) slices.delete(name);
  };
}

/** Snapshot of every registered slice (a throwing getter is skipped and reported in `errors`). */
export function captureSlices(forShare = false): { values: Record<string, unknown>; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [name, s] of slices) {
    if (forShare && s.share === false) continue;
    try {
      const v = s.get();
      if (v !== undefined) values[name] = JSON.parse(JSON.stringify(v)) as unknown;
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // Values still waiting for their slice are part of the session too (not lost by an autosave).
  for (const [name, v] of pending) if (!(name in values)) values[name] = v;
  return { values, errors };
}

/** Applies slice values; unknown names wait for registration. Returns per-slice errors. */
export function applySlices(values: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [name, v] of Object.entries(values)) {
    const s = slices.get(name);
    if (!s) {
      pending.set(name, v);
      continue;
    }
    try {
      s.set(v);
    } catch (err) {
      errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  for (const l of listeners) l();
  return errors;
}

export function registeredSliceNames(): string[] {
  return [...slices.keys()];
}

/** Test helper: forget every slice and pending value. */
export function resetSlicesForTest(): void {
  slices.clear();
  pending.clear();
}
