// Decimation to half the triangles on the real chest CTA (../shared/data, read in place): the aorta, the
// heart (label on its own grid, resampled onto the CT) and the two lungs segmented from HU stay watertight,
// keep their volume and area, and reach the requested triangle count. Units: ml, mm². Frame: world RAS mm.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meshesReady, reconstructLabel, reconstructOrgans, type SurfaceMesh } from '../../../src/meshes';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { resampleLabelsTo } from '../../../src/volume/resample';
import { segmentLungs } from '../../../src/volume/segment';

const DATA = '../shared/data';
const FRACTION = 0.5;
/**
 * Decimation must not spend more than the pipeline's own accuracy budget: issue 3 holds the smoothed
 * binary-mask surface to 1 % volume and 2 % area of the truth, so the decimated surface is held to the same
 * bounds relative to the undecimated one.
 */
const VOLUME_TOL = 0.01;
const AREA_TOL = 0.02;
/** Triangles within 2 % of the target: meshoptimizer stops at it, vertices locked near defects add a few. */
const TRIANGLE_TARGET_TOL = 0.02;

function expectDecimatedLike(name: string, full: SurfaceMesh, half: SurfaceMesh): void {
  const a = full.metrics!;
  const b = half.metrics!;
  const target = Math.floor(a.triangles * (1 - FRACTION));
  const dv = b.volumeMl / a.volumeMl - 1;
  const da = b.areaMm2 / a.areaMm2 - 1;
  console.log(
    `${name}: ${a.triangles} -> ${b.triangles} triangles (removed ${b.decimatedFraction?.toFixed(3)}), ` +
      `volume ${(100 * dv).toFixed(3)} %, area ${(100 * da).toFixed(3)} %, watertight ${b.watertight}`,
  );
  expect(a.watertight).toBe(true);
  expect(b.watertight).toBe(true);
  expect(Math.abs(dv)).toBeLessThan(VOLUME_TOL);
  expect(Math.abs(da)).toBeLessThan(AREA_TOL);
  expect(Math.abs(b.triangles / target - 1)).toBeLessThan(TRIANGLE_TARGET_TOL);
  expect(Math.abs(b.decimatedFraction! - FRACTION)).toBeLessThan(TRIANGLE_TARGET_TOL);
}

describe.skipIf(!existsSync(DATA))('real scans decimated to half', () => {
  beforeAll(() => meshesReady());

  it('chest CTA aorta', async () => {
    const aorta = await readVolumeFromPath(`${DATA}/chest-cta/aorta.nii.gz`, { kind: 'label' });
    const full = reconstructLabel(aorta, 1, 'aorta').mesh;
    const half = reconstructLabel(aorta, 1, 'aorta', { decimate: FRACTION }).mesh;
    expectDecimatedLike('aorta', full, half);
  });

  it('chest CTA heart (label resampled onto the CT grid)', async () => {
    const ct = await readVolumeFromPath(`${DATA}/chest-cta/ct.nii.gz`);
    const heart = await readVolumeFromPath(`${DATA}/chest-cta/heart.nii.gz`, { kind: 'label' });
    const onCt = resampleLabelsTo(heart, ct);
    const full = reconstructLabel(onCt, 1, 'heart').mesh;
    const half = reconstructLabel(onCt, 1, 'heart', { decimate: FRACTION }).mesh;
    expectDecimatedLike('heart', full, half);
  });

  it('chest CTA lungs segmented from HU', { timeout: 400_000 }, async () => {
    const ct = await readVolumeFromPath(`${DATA}/chest-cta/ct.nii.gz`);
    const lungs = segmentLungs(ct);
    const values = [...new Set(Array.from(lungs.data))].filter((v) => v !== 0);
    const selection = values.map((v) => ({ value: v, name: `lung ${v}` }));
    const full = (await reconstructOrgans(lungs, selection)).meshes;
    const half = (await reconstructOrgans(lungs, selection, { decimate: FRACTION })).meshes;
    const big = full.filter((m) => m.metrics!.volumeMl > 100);
    expect(big.length).toBe(2);
    for (const f of big)
      expectDecimatedLike(
        f.name,
        f,
        half.find((h) => h.name === f.name)!,
      );
  });
});
