// TNNP voltage lookup tables (src/solvers/ep/models/tnnp-tables.ts): linear interpolation on V ∈ [−100, 80] mV at
// 1/32 mV (and x_K1∞ on u = V − E_K ∈ [−60, 200] mV) against direct evaluation of the same functions at
// off-node voltages (¼, ½, ¾ of every interval, where linear interpolation is worst). Units mV, ms.
import { describe, expect, it } from 'vitest';
import {
  TNNP_LUT_DV,
  TNNP_LUT_NC,
  TNNP_LUT_UMIN,
  TNNP_LUT_VMIN,
  tnnpTables,
  tnnpVRow,
  tnnpXK1,
} from '../../../src/solvers/ep/models/tnnp-tables';

// Tolerances: linear interpolation errs by ≤ h²/8·|f''| ≈ (1/32)²/8 /(slope 5 mV)² ≈ 5e-6 relative for the
// steepest TNNP sigmoids; measured maxima (dt 0.005–0.1 ms) are 4.7e-7 for x∞, 1.5e-5 relative for 1 − E
// (E = e^(−dt/τ), i.e. the per-step relaxation), 5.3e-7 relative for the current factors, 2.9e-6 for x_K1∞.
// Bounds are ~2× the measured maxima and far below what moves the AP (tnnp-fast.test.ts).
const XINF_ABS = 1e-6;
const ONE_MINUS_E_REL = 3e-5;
const CURRENT_REL = 1e-5;
const XK1_ABS = 6e-6;
// The h and j rate formulas switch branch at V = −40 mV (a node): τ_j jumps 23.6 → 53.6 ms there, so inside the
// single interval below −40 mV the interpolant blends the two branches. Bound there: |ΔE| ≤ dt·|Δ(1/τ)|.
const BRANCH_V = -40;

describe('TNNP voltage lookup tables', () => {
  for (const dt of [0.005, 0.02, 0.1]) {
    it(`interpolation error vs direct evaluation, dt ${dt} ms`, () => {
      const T = tnnpTables(dt);
      const NC = TNNP_LUT_NC;
      const row = new Float64Array(NC);
      let xinf = 0;
      let oneMinusE = 0;
      let cur = 0;
      let branch = 0;
      for (let i = 0; i < T.rowsV - 1; i++) {
        const v0 = TNNP_LUT_VMIN + i * TNNP_LUT_DV;
        for (const fr of [0.25, 0.5, 0.75]) {
          const V = v0 + fr * TNNP_LUT_DV;
          tnnpVRow(V, dt, row, 0);
          for (let k = 0; k < NC; k++) {
            const a = T.v[i * NC + k]!;
            const li = a + fr * (T.v[(i + 1) * NC + k]! - a);
            const e = Math.abs(li - row[k]!);
            if (k >= 22) cur = Math.max(cur, e / Math.abs(row[k]!));
            else if (k % 2 === 0) xinf = Math.max(xinf, e);
            else if (v0 + TNNP_LUT_DV === BRANCH_V && (k === 3 || k === 5)) branch = Math.max(branch, e);
            else oneMinusE = Math.max(oneMinusE, e / (1 - row[k]!));
          }
        }
      }
      expect(xinf).toBeLessThan(XINF_ABS);
      expect(oneMinusE).toBeLessThan(ONE_MINUS_E_REL);
      expect(cur).toBeLessThan(CURRENT_REL);
      expect(branch).toBeLessThan(dt * (1 / 23.6 - 1 / 53.6) * 1.05);
    });
  }

  it('x_K1∞(V − E_K) table', () => {
    const T = tnnpTables(0.02);
    let err = 0;
    for (let i = 0; i < T.rowsU - 1; i++) {
      const u = TNNP_LUT_UMIN + (i + 0.5) * TNNP_LUT_DV;
      err = Math.max(err, Math.abs(0.5 * (T.k1[i]! + T.k1[i + 1]!) - tnnpXK1(u)));
    }
    expect(err).toBeLessThan(XK1_ABS);
  });

  it('tables are cached per dt and rebuilt for another dt', () => {
    expect(tnnpTables(0.02)).toBe(tnnpTables(0.02));
    expect(tnnpTables(0.03).dt).toBe(0.03);
  });
});
