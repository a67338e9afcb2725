// Conduction velocity from an activation-time map on the compact grid (for domains without a natural axis,
// e.g. a heart): local speed 1/|∇T| (mm/ms) with ∇T by central differences over tissue neighbours (one-sided
// at the tissue boundary), sampled where the activation front is well formed (not within 2 dx of the stimulus
// sites' earliest times, not at collisions where |∇T| → 0 gives unbounded speeds). "Along the fibres" takes
// the cells whose propagation direction ∇T/|∇T| lies within 25° of the local fibre; medians are robust to the
// remaining outliers. Frame: grid IJK = world axes (grid.ts), units mm, ms.
import type { EpGrid } from './grid';

export interface CvEstimate {
  /** Median local speed where the front runs along the fibres (mm/ms), or undefined with too few samples. */
  alongFibre?: number;
  /** Median local speed where the front runs across the fibres (within 25° of perpendicular). */
  acrossFibre?: number;
  /** Median local speed over all sampled cells. */
  all?: number;
  samplesAlong: number;
  samplesAll: number;
}

/** cos 25°: a front direction within 25° of the fibre counts as "along" (sin 25° for "across"). */
const COS_ALONG = Math.cos((25 * Math.PI) / 180);
const MIN_SAMPLES = 20;

function median(a: number[]): number | undefined {
  if (a.length < MIN_SAMPLES) return undefined;
  a.sort((x, y) => x - y);
  return a[Math.floor(a.length / 2)];
}

export function cvFromActivation(grid: EpGrid, act: Float32Array): CvEstimate {
  const [nx, ny, nz] = grid.dims;
  const h = grid.dxMm;
  let tMin = Infinity;
  for (let c = 0; c < grid.n; c++) if (act[c]! < tMin) tMin = act[c]!;
  const along: number[] = [];
  const across: number[] = [];
  const all: number[] = [];
  const stride = [1, nx, nx * ny];
  const lim = [nx, ny, nz];
  const g3 = [0, 0, 0];
  for (let c = 0; c < grid.n; c++) {
    const t = act[c]!;
    if (!(t === t)) continue;
    const g = grid.cells[c]!;
    const ijk = [g % nx, Math.floor(g / nx) % ny, Math.floor(g / (nx * ny))];
    let ok = true;
    for (let a = 0; a < 3 && ok; a++) {
      const at = (s: number) => {
        const q = ijk[a]! + s;
        if (q < 0 || q >= lim[a]!) return NaN;
        const m = grid.index[g + s * stride[a]!]!;
        return m >= 0 ? act[m]! : NaN;
      };
      const up = at(1);
      const dn = at(-1);
      if (up === up && dn === dn) g3[a] = (up - dn) / (2 * h);
      else if (up === up) g3[a] = (up - t) / h;
      else if (dn === dn) g3[a] = (t - dn) / h;
      else g3[a] = lim[a] === 1 ? 0 : NaN; // a 1-voxel-thick axis carries no gradient
      if (!(g3[a] === g3[a])) ok = false;
    }
    if (!ok) continue;
    const gl = Math.hypot(g3[0]!, g3[1]!, g3[2]!);
    if (!(gl > 0)) continue;
    // Skip the stimulus neighbourhood (the front forms there) and collisions (|∇T| small: speed > 10 mm/ms).
    if (t - tMin < (2 * h) / Math.max(1e-6, 1 / gl) || 1 / gl > 10) continue;
    const v = 1 / gl;
    all.push(v);
    const f0 = grid.fibres[3 * c]!;
    const f1 = grid.fibres[3 * c + 1]!;
    const f2 = grid.fibres[3 * c + 2]!;
    const cos = Math.abs(f0 * g3[0]! + f1 * g3[1]! + f2 * g3[2]!) / gl;
    if (cos >= COS_ALONG) along.push(v);
    else if (cos <= Math.sin((25 * Math.PI) / 180)) across.push(v);
  }
  return {
    alongFibre: median(along),
    acrossFibre: median(across),
    all: median(all),
    samplesAlong: along.length,
    samplesAll: all.length,
  };
}
