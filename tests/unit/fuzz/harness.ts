// Fuzz harness for the volume readers: fast-check arbitraries that mutate a valid file (truncation,
// bit flips, header fields set to 0/negative/NaN/huge, numeric tokens in text headers replaced, gzip
// trailers/streams corrupted) and a checker that accepts only a valid Volume or a VolumeReadError.
// Runs with a small memory budget (64 MB) so "absurd size" paths must be refused before allocating.
import fc from 'fast-check';
import { expect } from 'vitest';
import { readVolumeSync, VolumeReadError, type InputFile } from '../../../src/volume/io';
import { isFiniteAffine } from '../../../src/volume/affine';

export const FUZZ_BUDGET = 64 * 2 ** 20;
export const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

export type Mutation = (b: Uint8Array) => Uint8Array;

const SPECIAL_INTS = [0, -1, 1, -32768, 32767, 65535, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, 1 << 20];
const SPECIAL_FLOATS = [0, -0, -1, NaN, Infinity, -Infinity, 1e30, -1e30, 1e-30, 3.4e38];
const SPECIAL_TOKENS = [
  '0',
  '-1',
  'NaN',
  'nan',
  '1e30',
  '-1e30',
  '99999999',
  '4294967296',
  '',
  '-0',
  'inf',
  '1.5',
  'x',
];

/** Mutations on binary headers: `headerLen` bounds where field overwrites land (most of them). */
export function binaryMutation(headerLen: number): fc.Arbitrary<Mutation> {
  const truncate = fc.nat().map(
    (n): Mutation =>
      (b) =>
        b.subarray(0, n % (b.length + 1)),
  );
  const flips = fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.boolean()), { minLength: 1, maxLength: 8 })
    .map((fl): Mutation => (b) => {
      const c = Uint8Array.from(b);
      for (const [p, bit, inHeader] of fl) {
        const at = inHeader ? p % Math.min(c.length || 1, headerLen) : p % (c.length || 1);
        if (at < c.length) c[at]! ^= 1 << bit;
      }
      return c;
    });
  const field = fc
    .record({
      off: fc.nat({ max: headerLen - 1 }),
      width: fc.constantFrom(2, 4, 8),
      float: fc.boolean(),
      little: fc.boolean(),
      int: fc.constantFrom(...SPECIAL_INTS),
      flt: fc.constantFrom(...SPECIAL_FLOATS),
    })
    .map((f): Mutation => (b) => {
      const c = Uint8Array.from(b);
      const off = f.off - (f.off % f.width);
      if (off + f.width > c.length) return c;
      const dv = new DataView(c.buffer);
      if (f.width === 2) dv.setInt16(off, f.int, f.little);
      else if (f.width === 4) {
        if (f.float) dv.setFloat32(off, f.flt, f.little);
        else dv.setInt32(off, f.int | 0, f.little);
      } else if (f.float) dv.setFloat64(off, f.flt, f.little);
      else dv.setBigInt64(off, BigInt(Math.trunc(f.int)), f.little);
      return c;
    });
  const combo = fc.array(fc.oneof(field, flips), { minLength: 1, maxLength: 3 }).map(
    (ms): Mutation =>
      (b) =>
        ms.reduce((acc, m) => m(acc), b),
  );
  return fc.oneof(
    { weight: 1, arbitrary: truncate },
    { weight: 2, arbitrary: flips },
    { weight: 3, arbitrary: field },
    { weight: 2, arbitrary: combo },
  );
}

/** Mutations on text headers: a numeric token (or a word) of the first `headerLen` bytes replaced. */
export function textMutation(headerLen: number): fc.Arbitrary<Mutation> {
  return fc
    .tuple(fc.nat(), fc.constantFrom(...SPECIAL_TOKENS), fc.boolean())
    .map(([pick, tok, numbers]): Mutation => (b) => {
      const head = new TextDecoder('latin1').decode(b.subarray(0, Math.min(b.length, headerLen)));
      const re = numbers ? /-?\d+(\.\d+)?(e-?\d+)?/g : /[A-Za-z_]+/g;
      const hits = [...head.matchAll(re)];
      const h = hits[pick % (hits.length || 1)];
      if (!h || h.index === undefined) return b;
      const text = head.slice(0, h.index) + tok + head.slice(h.index + h[0].length);
      const enc = Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
      const out = new Uint8Array(enc.length + b.length - head.length);
      out.set(enc);
      out.set(b.subarray(head.length), enc.length);
      return out;
    });
}

/** Corrupts gzip members: payload bit flips, forged ISIZE trailer, cut stream. */
export function gzipMutation(): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([p, bit]): Mutation => (b) => {
      const c = Uint8Array.from(b);
      const at = 10 + (p % Math.max(1, c.length - 18));
      if (at < c.length) c[at]! ^= 1 << bit;
      return c;
    }),
    fc.constantFrom(0, 1, 100, 2 ** 26, 2 ** 31, 2 ** 32 - 1).map((isize): Mutation => (b) => {
      const c = Uint8Array.from(b);
      if (c.length >= 4) new DataView(c.buffer).setUint32(c.length - 4, isize, true);
      return c;
    }),
    fc.nat().map(
      (n): Mutation =>
        (b) =>
          b.subarray(0, 10 + (n % Math.max(1, b.length - 10))),
    ),
  );
}

/** Reads the files; passes for a consistent Volume or a VolumeReadError, fails (with the stack) otherwise. */
export function checkRead(files: InputFile[]): 'ok' | 'error' {
  try {
    const v = readVolumeSync(files, { budgetBytes: FUZZ_BUDGET });
    expect(v.data.length).toBe(v.dims[0] * v.dims[1] * v.dims[2]);
    expect(v.data.byteLength).toBeLessThanOrEqual(FUZZ_BUDGET);
    expect(isFiniteAffine(v.ijkToWorld)).toBe(true);
    expect(v.spacing.every((s) => Number.isFinite(s) && s > 0)).toBe(true);
    return 'ok';
  } catch (err) {
    if (err instanceof VolumeReadError) {
      expect(err.message.startsWith(err.file + ': ')).toBe(true);
      return 'error';
    }
    throw new Error(
      `reader threw a non-VolumeReadError: ${err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err)}`,
      { cause: err },
    );
  }
}

/** Runs `runs` mutated cases of one base file set; `mutate` picks which file to mutate. Returns outcome counts. */
export function fuzzFiles(
  base: InputFile[],
  mutation: fc.Arbitrary<Mutation>,
  runs: number,
  target = 0,
): { ok: number; error: number } {
  const counts = { ok: 0, error: 0 };
  fc.assert(
    fc.property(mutation, (m) => {
      const files = base.map((f, t) => (t === target ? { name: f.name, bytes: m(f.bytes) } : f));
      counts[checkRead(files)]++;
    }),
    { numRuns: runs, seed: SEED },
  );
  return counts;
}
