// Builds a HexDomain from a label map (and optionally a CT for HU) at a chosen element size h (mm): the element
// grid is aligned with the label volume's axes (same direction cosines, world RAS+), covers the bounding box of
// the selected labels, and each element takes the label at its centre (nearest voxel) and the HU trilinearly
// interpolated there. Materials are assigned per element by a callback. Units: mm, HU, MPa.
import type { Vec3, Volume } from '../../volume/types';
import { invertAffine } from '../../volume/affine';
import type { HexDomain } from './types';
import { largestFaceComponent } from './components';

export interface VolumeDomainOptions {
  labels: Volume;
  /** Label values that form the solid. */
  ids: number[];
  /** Element edge (mm). */
  h: number;
  /** CT in HU for material laws (any grid; sampled through its affine). */
  image?: Volume;
  /** Sub-region label map (e.g. VerSe seg-subreg) stored as the element label; defaults to `labels`. */
  subregions?: Volume;
  /** E (MPa) and ν for an element from its HU (NaN without image) and label. */
  material: (hu: number, label: number) => { E: number; nu: number };
}

export interface VolumeDomain extends HexDomain {
  /** Label (of `labels`) at the centre of grid element (i, j, k), also for inactive/outside elements. */
  labelAt: (i: number, j: number, k: number) => number;
  /** Elements removed because they were not face-connected to the largest component. */
  droppedElements?: number;
}

function sampler(vol: Volume, nearest: boolean): (w: Vec3) => number {
  const inv = invertAffine(vol.ijkToWorld);
  const [nx, ny, nz] = vol.dims;
  const d = vol.data;
  const at = (i: number, j: number, k: number) =>
    i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz ? NaN : d[i + nx * (j + ny * k)]!;
  return (w) => {
    const x = inv[0]! * w[0] + inv[1]! * w[1] + inv[2]! * w[2] + inv[3]!;
    const y = inv[4]! * w[0] + inv[5]! * w[1] + inv[6]! * w[2] + inv[7]!;
    const z = inv[8]! * w[0] + inv[9]! * w[1] + inv[10]! * w[2] + inv[11]!;
    if (nearest) return at(Math.round(x), Math.round(y), Math.round(z));
    const i = Math.floor(x),
      j = Math.floor(y),
      k = Math.floor(z);
    const fx = x - i,
      fy = y - j,
      fz = z - k;
    let s = 0;
    let wsum = 0;
    for (let c = 0; c < 8; c++) {
      const v = at(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
      const wt = (c & 1 ? fx : 1 - fx) * ((c >> 1) & 1 ? fy : 1 - fy) * ((c >> 2) & 1 ? fz : 1 - fz);
      if (Number.isFinite(v) && wt > 0) {
        s += wt * v;
        wsum += wt;
      }
    }
    return wsum > 0 ? s / wsum : NaN;
  };
}

export function domainFromLabels(opts: VolumeDomainOptions): VolumeDomain {
  const { labels, ids, h } = opts;
  if (!(h > 0) || !Number.isFinite(h))
    throw new Error(`element size must be a positive number of mm, got ${h}`);
  const want = new Set(ids);
  const [nx, ny, nz] = labels.dims;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++)
        if (want.has(labels.data[i + nx * (j + ny * k)]!)) {
          const p = [i, j, k];
          for (let a = 0; a < 3; a++) {
            lo[a] = Math.min(lo[a]!, p[a]!);
            hi[a] = Math.max(hi[a]!, p[a]!);
          }
        }
  if (!Number.isFinite(lo[0]!))
    throw new Error(`${labels.name}: label(s) ${ids.join(', ')} not present in the label map`);
  const m = labels.ijkToWorld;
  const nodeToWorld = new Float64Array(16);
  const dims = [0, 0, 0] as Vec3;
  const start = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const sp = labels.spacing[a]!;
    const len = (hi[a]! - lo[a]! + 1) * sp;
    dims[a] = Math.max(1, Math.ceil(len / h - 1e-9));
    start[a] = lo[a]! - 0.5 - (dims[a]! * h - len) / (2 * sp); // index coordinate of the grid's first node
    for (let r = 0; r < 3; r++) nodeToWorld[4 * r + a] = (m[4 * r + a]! / sp) * h;
  }
  for (let r = 0; r < 3; r++)
    nodeToWorld[4 * r + 3] =
      m[4 * r]! * start[0]! + m[4 * r + 1]! * start[1]! + m[4 * r + 2]! * start[2]! + m[4 * r + 3]!;
  nodeToWorld[15] = 1;
  if (dims[0] * dims[1] * dims[2] > 32e6)
    throw new Error(`element size ${h} mm gives too many elements; use a larger one`);
  const centre = (i: number, j: number, k: number): Vec3 => {
    const I = i + 0.5,
      J = j + 0.5,
      K = k + 0.5;
    const t = nodeToWorld;
    return [
      t[0]! * I + t[1]! * J + t[2]! * K + t[3]!,
      t[4]! * I + t[5]! * J + t[6]! * K + t[7]!,
      t[8]! * I + t[9]! * J + t[10]! * K + t[11]!,
    ];
  };
  const lab = sampler(labels, true);
  const sub = opts.subregions ? sampler(opts.subregions, true) : lab;
  const hu = opts.image ? sampler(opts.image, false) : () => NaN;
  const list: number[] = [];
  const E: number[] = [];
  const nu: number[] = [];
  const lbl: number[] = [];
  const hus: number[] = [];
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++) {
        const c = centre(i, j, k);
        if (!want.has(lab(c))) continue;
        const v = hu(c);
        const s = sub(c);
        const mat = opts.material(v, s);
        list.push(i + dims[0] * (j + dims[1] * k));
        E.push(mat.E);
        nu.push(mat.nu);
        lbl.push(Number.isFinite(s) ? s : 0);
        hus.push(v);
      }
  if (list.length === 0) throw new Error(`no elements at element size ${h} mm (label region too small)`);
  const full: VolumeDomain = {
    dims,
    h,
    nodeToWorld,
    elements: Int32Array.from(list),
    E: Float32Array.from(E),
    nu: Float32Array.from(nu),
    label: Int32Array.from(lbl),
    hu: Float32Array.from(hus),
    labelAt: (i, j, k) => lab(centre(i, j, k)),
  };
  // Islands and edge/corner-only contacts would leave rigid-body modes or hinges: keep the main component.
  const { domain, dropped } = largestFaceComponent(full);
  domain.droppedElements = dropped;
  return domain;
}
