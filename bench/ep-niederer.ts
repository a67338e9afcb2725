// Niederer et al. 2011 N-version benchmark (Phil Trans R Soc A 369:4331) with TNNP 2006 epi on the 20×7×3 mm
// slab: activation times (ms) at the corners P1 (0,0,0), P8 (20,7,3) and the centre, for the dx/dt given on
// the command line. Usage: node --import tsx bench/ep-niederer.ts 0.5:0.05 0.2:0.05 0.1:0.04
import { createCompute } from '../src/solvers/compute';
import { slabDomain, runEp, nearestCell } from '../src/solvers/ep';

export async function niederer(dx: number, dt: number) {
  const grid = slabDomain(20, 7, 3, dx);
  const js = await createCompute('js');
  const r = await runEp(
    {
      grid,
      model: 'tnnp',
      dtMs: dt,
      durationMs: 200,
      stimuli: [
        {
          region: { kind: 'box', min: [0, 0, 0], max: [1.5, 1.5, 1.5] },
          startMs: 0,
          durationMs: 2,
          strength: 50000,
        },
      ],
      stopWhenAllActivated: true,
    },
    js,
  );
  const at = (p: [number, number, number]) => r.activationMs[nearestCell(grid, p)]!;
  return {
    dx,
    dt,
    cells: grid.n,
    p1: at([0, 0, 0]),
    centre: at([10, 3.5, 1.5]),
    p8: at([20, 7, 3]),
    wallS: r.wallMs / 1e3,
    steps: r.steps,
  };
}

if (process.argv[1]?.endsWith('ep-niederer.ts')) {
  for (const arg of process.argv.slice(2)) {
    const [dx, dt] = arg.split(':').map(Number);
    console.log(JSON.stringify(await niederer(dx!, dt!)));
  }
}
