// Niederer et al. 2011 N-version benchmark (Phil Trans R Soc A 369:4331) with TNNP 2006 epi on the 20×7×3 mm
// slab (σ_l 0.1334, σ_t 0.0176 S/m, χ 1400/cm, C_m 1 µF/cm², 50 000 µA/cm³ for 2 ms in the [0,1.5]³ mm corner
// cube, activation = first 0 mV upcrossing): activation times (ms) at the eight corners P1..P8 and the centre,
// world mm, fibres along x. Corners: P1 (0,0,0) P2 (0,7,0) P3 (20,0,0) P4 (20,7,0) P5 (0,0,3) P6 (0,7,3)
// P7 (20,0,3) P8 (20,7,3); centre (10,3.5,1.5).
// Usage: node --import tsx bench/ep-niederer.ts [--json bench/niederer-results.json] 0.5:0.05 0.2:0.05 0.1:0.02
// (dx mm : dt ms). Prints one JSON line per case and a markdown table; --json merges the cases into that file
// (keyed by dx:dt).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createCompute } from '../src/solvers/compute';
import { slabDomain, runEp, nearestCell } from '../src/solvers/ep';
import type { Vec3 } from '../src/volume/types';

export const NIEDERER_POINTS: Record<string, Vec3> = {
  P1: [0, 0, 0],
  P2: [0, 7, 0],
  P3: [20, 0, 0],
  P4: [20, 7, 0],
  P5: [0, 0, 3],
  P6: [0, 7, 3],
  P7: [20, 0, 3],
  P8: [20, 7, 3],
  centre: [10, 3.5, 1.5],
};

export interface NiedererCase {
  dx: number;
  dt: number;
  cells: number;
  /** Activation time (ms) per point of NIEDERER_POINTS; NaN if not activated within the run. */
  act: Record<string, number>;
  p1: number;
  centre: number;
  p8: number;
  wallS: number;
  steps: number;
  status: string;
}

export async function niederer(dx: number, dt: number, durationMs = 200): Promise<NiedererCase> {
  const grid = slabDomain(20, 7, 3, dx);
  const js = await createCompute('js');
  const r = await runEp(
    {
      grid,
      model: 'tnnp',
      dtMs: dt,
      durationMs,
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
  const act: Record<string, number> = {};
  for (const [k, p] of Object.entries(NIEDERER_POINTS)) act[k] = r.activationMs[nearestCell(grid, p)]!;
  return {
    dx,
    dt,
    cells: grid.n,
    act,
    p1: act.P1!,
    centre: act.centre!,
    p8: act.P8!,
    wallS: r.wallMs / 1e3,
    steps: r.steps,
    status: r.status,
  };
}

export function markdownTable(cases: NiedererCase[]): string {
  const keys = Object.keys(NIEDERER_POINTS);
  const head = `| dx mm | dt ms | nodes | ${keys.join(' | ')} | wall s |`;
  const sep = `|${' --- |'.repeat(keys.length + 4)}`;
  const rows = cases.map(
    (c) =>
      `| ${c.dx} | ${c.dt} | ${c.cells} | ${keys.map((k) => (c.act[k] ?? NaN).toFixed(2)).join(' | ')} | ${c.wallS.toFixed(0)} |`,
  );
  return [head, sep, ...rows].join('\n');
}

if (process.argv[1]?.endsWith('ep-niederer.ts')) {
  const args = process.argv.slice(2);
  const ji = args.indexOf('--json');
  const jsonPath = ji >= 0 ? args.splice(ji, 2)[1] : undefined;
  const cases: NiedererCase[] = [];
  for (const arg of args) {
    const [dx, dt] = arg.split(':').map(Number);
    const c = await niederer(dx!, dt!);
    console.log(JSON.stringify(c));
    cases.push(c);
    if (jsonPath) {
      const old = existsSync(jsonPath)
        ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>)
        : {};
      const all = (old.cases ?? {}) as Record<string, NiedererCase>;
      all[`${dx}:${dt}`] = c;
      writeFileSync(
        jsonPath,
        JSON.stringify(
          {
            benchmark:
              'Niederer et al. 2011 Phil Trans R Soc A 369:4331, TNNP 2006 epi, monodomain FD 19-point',
            units: { dx: 'mm', dt: 'ms', act: 'ms', wallS: 's' },
            points: NIEDERER_POINTS,
            machine: 'shared 2-core VM (wall times are noisy)',
            cases: all,
          },
          null,
          2,
        ) + '\n',
      );
    }
  }
  console.log(markdownTable(cases));
}
