// Run outputs tracked during an EP simulation on the compact grid: activation time (first upcrossing of the
// model's threshold, ms), APD90 (ms, first beat: from activation to the fall below rest + 10% of the amplitude),
// re-activations (upcrossings after a given time, for re-entry), probe time series (mV), and a pseudo-ECG
// φ(x') = −Σ_cells ∇V·∇(1/r) ΔV with ∇(1/r) taken at the source point (mV/mm · mm³/mm² = mV·mm, unscaled):
// ∝ the extracellular potential of a homogeneous infinite volume conductor, φ_e = (σ_i/4πσ_e)∫ ∇²V/r dV =
// −(σ_i/4πσ_e)∫ ∇V·∇(1/r) dV (Gima & Rudy 2002, Circ Res 90:889), so a front approaching the electrode gives a
// positive deflection. World frame RAS mm.
import type { Vec3 } from '../../volume/types';
import { cellWorld, type EpGrid } from './grid';

export class ActivationTracker {
  readonly act: Float32Array;
  readonly apd: Float32Array;
  private readonly vmax: Float32Array;
  /** Cells whose activation / APD was recorded since the last commit(). */
  private readonly actSince: number[] = [];
  private readonly apdSince: number[] = [];
  /** Upcrossings per cell at or after countFromMs (re-entry: ≥ 2 after the last stimulus). */
  readonly late: Uint16Array;
  activated = 0;
  /** Time of the latest upcrossing of any cell (ms), −Infinity before the first. */
  lastUpMs = -Infinity;
  constructor(
    n: number,
    private readonly threshold: number,
    private readonly rest: number,
    private readonly countFromMs = Infinity,
  ) {
    this.act = new Float32Array(n).fill(NaN);
    this.apd = new Float32Array(n).fill(NaN);
    this.vmax = new Float32Array(n).fill(-Infinity);
    this.late = new Uint16Array(n);
  }
  /** Updates after a step from vOld to v ending at time t (linear interpolation of the crossing). */
  update(vOld: Float32Array, v: Float32Array, t: number, dt: number): void {
    const { act, apd, vmax, threshold, rest, late } = this;
    const counting = t >= this.countFromMs;
    for (let c = 0; c < v.length; c++) {
      const a = act[c]!;
      const vn = v[c]!;
      if (vn >= threshold && vOld[c]! < threshold) {
        this.lastUpMs = t;
        if (counting && late[c]! < 65535) late[c]!++;
      }
      if (a !== a) {
        const vo = vOld[c]!;
        if (vo < threshold && vn >= threshold) {
          act[c] = t - dt + (dt * (threshold - vo)) / (vn - vo);
          this.activated++;
          this.actSince.push(c);
          vmax[c] = vn;
        }
      } else if (apd[c] !== apd[c]) {
        if (vn > vmax[c]!) vmax[c] = vn;
        else if (vn < rest + 0.1 * (vmax[c]! - rest)) {
          apd[c] = t - a;
          this.apdSince.push(c);
        }
      }
    }
  }
  /** Marks the state so far as good: rollback() returns to here. */
  commit(): void {
    this.actSince.length = 0;
    this.apdSince.length = 0;
  }
  /** Forgets what was recorded since the last commit() (the steps after the last good state of a diverged run). */
  rollback(): void {
    for (const c of this.actSince) {
      this.act[c] = NaN;
      this.apd[c] = NaN;
      this.vmax[c] = -Infinity;
      this.activated--;
    }
    for (const c of this.apdSince) this.apd[c] = NaN;
    this.commit();
  }
}

export interface ProbeSeries {
  pos: Vec3;
  /** Compact cell the probe reads (nearest tissue voxel). */
  cell: number;
  t: number[];
  vm: number[];
}

/** Upcrossings of `thr` (mV) in a probe series (ms, linearly interpolated between samples). */
export function seriesUpcrossings(t: number[], v: number[], thr: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < v.length; i++)
    if (v[i - 1]! < thr && v[i]! >= thr)
      out.push(t[i - 1]! + ((thr - v[i - 1]!) / (v[i]! - v[i - 1]!)) * (t[i]! - t[i - 1]!));
  return out;
}

export interface EcgLead {
  electrode: Vec3;
  t: number[];
  phi: number[];
}

/** Precomputes ∇(1/r)·ΔV per cell for each electrode and central-difference neighbours for ∇V. */
export class PseudoEcg {
  private readonly g: Float32Array[];
  private readonly nbs: Int32Array;
  private readonly inv: Float32Array;
  readonly leads: EcgLead[];
  constructor(grid: EpGrid, electrodes: Vec3[]) {
    const n = grid.n;
    const h = grid.dxMm;
    const vol = h * h * h;
    const [nx, ny, nz] = grid.dims;
    this.leads = electrodes.map((e) => ({ electrode: e, t: [], phi: [] }));
    this.g = electrodes.map(() => new Float32Array(3 * n));
    this.nbs = new Int32Array(6 * n);
    this.inv = new Float32Array(3 * n);
    for (let c = 0; c < n; c++) {
      const p = cellWorld(grid, c);
      electrodes.forEach((e, l) => {
        const d = [p[0] - e[0], p[1] - e[1], p[2] - e[2]];
        const r = Math.max(Math.hypot(d[0]!, d[1]!, d[2]!), h);
        for (let a = 0; a < 3; a++) this.g[l]![3 * c + a] = (-d[a]! / (r * r * r)) * vol;
      });
      const gi = grid.cells[c]!;
      const ijk = [gi % nx, Math.floor(gi / nx) % ny, Math.floor(gi / (nx * ny))];
      const lim = [nx, ny, nz];
      for (let a = 0; a < 3; a++) {
        const look = (s: number) => {
          const q = [...ijk];
          q[a] = q[a]! + s;
          if (q[a]! < 0 || q[a]! >= lim[a]!) return -1;
          return grid.index[q[0]! + nx * (q[1]! + ny * q[2]!)]!;
        };
        const up = look(1);
        const dn = look(-1);
        this.nbs[6 * c + 2 * a] = up >= 0 ? up : c;
        this.nbs[6 * c + 2 * a + 1] = dn >= 0 ? dn : c;
        const span = (up >= 0 ? 1 : 0) + (dn >= 0 ? 1 : 0);
        this.inv[3 * c + a] = span ? 1 / (span * h) : 0;
      }
    }
  }
  sample(v: Float32Array, t: number): void {
    const sums = this.leads.map(() => 0);
    for (let c = 0; c < v.length; c++) {
      const gx = (v[this.nbs[6 * c]!]! - v[this.nbs[6 * c + 1]!]!) * this.inv[3 * c]!;
      const gy = (v[this.nbs[6 * c + 2]!]! - v[this.nbs[6 * c + 3]!]!) * this.inv[3 * c + 1]!;
      const gz = (v[this.nbs[6 * c + 4]!]! - v[this.nbs[6 * c + 5]!]!) * this.inv[3 * c + 2]!;
      if (gx === 0 && gy === 0 && gz === 0) continue;
      for (let l = 0; l < sums.length; l++) {
        const g = this.g[l]!;
        sums[l]! += gx * g[3 * c]! + gy * g[3 * c + 1]! + gz * g[3 * c + 2]!;
      }
    }
    this.leads.forEach((lead, l) => {
      lead.t.push(t);
      lead.phi.push(-sums[l]!);
    });
  }
}
