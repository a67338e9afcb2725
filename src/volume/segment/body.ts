// Inside-body mask of a CT: tissue above -500 HU, its largest 3-D component, then holes filled slice by
// slice in the voxel planes closest to axial (the affine decides which voxel axis is most superior-
// inferior). Lungs and airways are air-like tissue INSIDE the body: they are enclosed background in an
// axial slice. On cropped scans a lung can touch the image border; a border-touching background region is
// still filled when it is not mostly pure air (< -950 HU), since outside air is ~-1000 HU and lung
// parenchyma ~-850 HU. Units: HU. Frames: voxel IJK, world RAS+ via ijkToWorld.
import type { Volume } from '../types';
import { connectedComponents, selectComponents } from './components';

export const BODY_TISSUE_HU = -500;
/** Voxels below this count as pure (outside) air when classifying border-touching background. */
export const PURE_AIR_HU = -950;

/** Voxel axis (0, 1, 2) whose world direction is most nearly superior-inferior. */
export function axialSliceAxis(v: Volume): 0 | 1 | 2 {
  const A = v.ijkToWorld;
  let best: 0 | 1 | 2 = 2;
  let bestCos = -1;
  for (const a of [0, 1, 2] as const) {
    const len = Math.hypot(A[a]!, A[4 + a]!, A[8 + a]!);
    const c = len > 0 ? Math.abs(A[8 + a]!) / len : 0;
    if (c > bestCos + 1e-9) {
      best = a;
      bestCos = c;
    }
  }
  return best;
}

/** Fills, plane by plane along axis s, background regions of mask that are holes (see header). */
export function fillHolesSliceWise(mask: Uint8Array, ct: Volume, s: 0 | 1 | 2): void {
  const dims = ct.dims;
  const hu = ct.data;
  const st = [1, dims[0], dims[0] * dims[1]];
  const [u, w] = ([0, 1, 2] as const).filter((a) => a !== s) as [0 | 1 | 2, 0 | 1 | 2];
  const na = dims[u];
  const nb = dims[w];
  const su = st[u]!;
  const sw = st[w]!;
  const seen = new Uint8Array(na * nb);
  const queue = new Int32Array(na * nb);
  for (let c = 0; c < dims[s]; c++) {
    const base = c * st[s]!;
    seen.fill(0);
    for (let start = 0; start < na * nb; start++) {
      if (seen[start] || mask[base + (start % na) * su + Math.floor(start / na) * sw]) continue;
      // Flood one 4-connected background region of this plane.
      let head = 0;
      let tail = 0;
      queue[tail++] = start;
      seen[start] = 1;
      let border = false;
      let air = 0;
      while (head < tail) {
        const p = queue[head++]!;
        const a = p % na;
        const b = (p - a) / na;
        if (hu[base + a * su + b * sw]! < PURE_AIR_HU) air++;
        if (a === 0 || b === 0 || a === na - 1 || b === nb - 1) border = true;
        for (let d = 0; d < 4; d++) {
          const q =
            d === 0
              ? a > 0
                ? p - 1
                : -1
              : d === 1
                ? a < na - 1
                  ? p + 1
                  : -1
                : d === 2
                  ? b > 0
                    ? p - na
                    : -1
                  : b < nb - 1
                    ? p + na
                    : -1;
          if (q < 0 || seen[q]) continue;
          const qa = q % na;
          if (mask[base + qa * su + ((q - qa) / na) * sw]) continue;
          seen[q] = 1;
          queue[tail++] = q;
        }
      }
      if (!border || air < 0.5 * tail) {
        for (let t = 0; t < tail; t++) {
          const p = queue[t]!;
          const a = p % na;
          mask[base + a * su + ((p - a) / na) * sw] = 1;
        }
      }
    }
  }
}

/** Inside-body mask (1 = inside), lungs and airways included, outside air excluded. */
export function bodyMask(ct: Volume): Uint8Array {
  const n = ct.data.length;
  const tissue = new Uint8Array(n);
  for (let p = 0; p < n; p++) tissue[p] = ct.data[p]! > BODY_TISSUE_HU ? 1 : 0;
  const cc = connectedComponents(tissue, ct.dims, 6);
  if (cc.sizes.length === 0)
    throw new Error(`${ct.name}: no tissue above ${BODY_TISSUE_HU} HU, cannot find the body`);
  const mask = selectComponents(cc, [1]);
  fillHolesSliceWise(mask, ct, axialSliceAxis(ct));
  return mask;
}
