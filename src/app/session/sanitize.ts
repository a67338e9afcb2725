// Small, forgiving readers for slice values coming from files/links: keep what is well-formed, drop the rest
// (a slice never throws on a bad entry; the session schema already validated the envelope). Units pass through.

export type V3 = [number, number, number];
type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
export const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function vec3(v: unknown): V3 | undefined {
  return Array.isArray(v) && v.length === 3 && v.every((x) => num(x) !== undefined)
    ? [v[0], v[1], v[2]]
    : undefined;
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Maps an array through `item`, dropping entries it rejects; non-arrays give []. */
export function listOf<T>(v: unknown, item: (x: Obj, i: number) => T | undefined): T[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x, i) => {
    const r = isObj(x) ? item(x, i) : undefined;
    return r === undefined ? [] : [r];
  });
}

/** Copies the defined entries of `patch` (undefined means "not in the file": keep the current value). */
export function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Ids for restored items, far above what the owning stores' counters reach in a session. */
export const RESTORED_ID_BASE = 1_000_000;
