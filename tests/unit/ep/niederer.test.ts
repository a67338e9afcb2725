// Niederer et al. 2011 N-version benchmark (Phil Trans R Soc A 369:4331–4351) with ten Tusscher-Panfilov 2006
// epi on the 20×7×3 mm slab (fibres along x, σ_l 0.1334 / σ_t 0.0176 S/m, χ 1400/cm, C_m 1 µF/cm²,
// 50 000 µA/cm³ for 2 ms in the 1.5 mm corner cube, activation = first 0 mV upcrossing).
// Unit test: dx = 0.5 and 0.2 mm at dt = 0.05 ms (the dx = 0.1 mm case is bench/ep-niederer.ts, ~10 min on
// 2 cores). Checks: the corner-to-corner order, and convergence — activation times fall as dx shrinks toward
// the fine-grid spread the paper reports (far corner P8 ≈ 42–45 ms at dx 0.1, dt 0.005 across its codes,
// Fig. 4/5 of the paper, quoted from memory). Units mm, ms.
import { describe, expect, it } from 'vitest';
import { niederer } from '../../../bench/ep-niederer';

// The paper's fine-grid band (lower edge) for P8: coarse grids are slower (numerical CV under-estimation), so
// every coarse-grid time must lie above it.
const P8_FINE_MIN_MS = 42;

describe('Niederer 2011 N-version slab (TNNP)', () => {
  it('activation times order P1 < centre < P8 and decrease as dx shrinks from 0.5 to 0.2 mm', async () => {
    const coarse = await niederer(0.5, 0.05);
    const fine = await niederer(0.2, 0.05);
    for (const r of [coarse, fine]) {
      expect(r.p1).toBeLessThan(r.centre);
      expect(r.centre).toBeLessThan(r.p8);
      expect(r.p8).toBeGreaterThan(P8_FINE_MIN_MS);
    }
    expect(fine.p8).toBeLessThan(coarse.p8);
    expect(fine.centre).toBeLessThan(coarse.centre);
  }, 600_000);
});
