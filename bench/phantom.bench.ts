// Benchmark: procedural phantom generation (CT Int16 HU + label Uint8) at 2.0, 1.0 and 0.5 mm voxels, each
// against a plain Int16Array allocation + fill over the same voxel count (memory-bandwidth baseline),
// plus peak RSS growth (MB). Times in ms.
import { peakRssMb, timeMs, type BenchRow, type BenchSection } from './lib';
import { generatePhantom, phantomGrid } from '../src/volume/phantom';
import { phantomOps } from '../src/volume/phantom/anatomy';
import { referenceVolumesMm3 } from '../src/volume/phantom/reference';

export default async function (): Promise<BenchSection[]> {
  const rows: BenchRow[] = [];
  for (const [mm, reps] of [
    [2, 5],
    [1, 3],
    [0.5, 1],
  ] as const) {
    const [nx, ny, nz] = phantomGrid({ voxelMm: mm }).dims;
    const n = nx * ny * nz;
    // Peak RSS first, before the timing loops have grown the heap.
    const mem = await peakRssMb(() => generatePhantom({ voxelMm: mm }).image.dims);
    const base = `Int16Array(${(n / 1e6).toFixed(1)} M).fill`;
    rows.push({ name: base, ms: await timeMs(() => new Int16Array(n).fill(-1000), reps, mm > 0.5) });
    const ms = await timeMs(() => generatePhantom({ voxelMm: mm }), reps, mm > 0.5);
    rows.push({ name: `phantom ${mm} mm`, ms, baseline: base, voxelsM: n / 1e6, peakRssMb: mem.peakMb });
  }
  const ref = await timeMs(() => referenceVolumesMm3(phantomOps(), 0.5), 1, false);
  return [
    {
      title: 'phantom generation (CT + labels)',
      rows,
      notes: [
        'baseline: allocating and filling one Int16Array of the same voxel count (memory bandwidth)',
        `analytic reference volumes (0.5 mm line quadrature, uncached): ${ref.toFixed(0)} ms`,
      ],
    },
  ];
}
