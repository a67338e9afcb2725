// Picked regions in the viewer's stress presets (src/app/workers/stress-case.ts) on the procedural phantom
// (3 mm voxels and elements): a picked loaded region replaces the preset's — the vertebra flexion moment acts
// only on the picked faces with zero net force and exactly the requested moment about world −x (RAS), the
// compression force sums to −F along world z over the pick; the lung's pressure acts only on the pick and, without
// a picked fixed region, the run is refused with a message (the panel shows it). Units: N, N·m, kPa → N·mm, MPa.
import { describe, expect, it } from 'vitest';
import { generatePhantom } from '../../../src/volume/phantom';
import * as M from '../../../src/solvers/mechanics';
import { buildStressCase, pickNote } from '../../../src/app/workers/stress-case';
import type { Region, StressParams } from '../../../src/app/workers/solver-stress-run';
import type { Vec3 } from '../../../src/volume/types';

// Forces are sums of float64 face tractions: net force / moment exact to round-off relative to Σ|f|·lever.
const SUM_TOL = 1e-9;
const phantom = generatePhantom({ voxelMm: 3 });
const label = (name: string) => phantom.labels.labels!.find((l) => l.name === name)!.value;
const base = (preset: StressParams['preset'], solid: number, load: number): StressParams => ({
  preset,
  solidLabels: [solid],
  load,
  elementMm: 3,
  material: 'uniform',
  E_MPa: 500,
  nu: 0.3,
  backend: 'js',
});

/** World forces and positions of the loaded nodes (|f| > 0). */
function loads(p: M.ElasticProblem) {
  const X = M.nodePositions(p.domain, p.mesh);
  const F = M.rotateVectors(M.gridRotation(p.domain), p.force);
  const nodes: { x: Vec3; f: Vec3 }[] = [];
  for (let n = 0; n < p.mesh.nNodes; n++) {
    const f: Vec3 = [F[3 * n]!, F[3 * n + 1]!, F[3 * n + 2]!];
    if (Math.hypot(...f) > 0) nodes.push({ x: [X[3 * n]!, X[3 * n + 1]!, X[3 * n + 2]!], f });
  }
  return nodes;
}

/** Centroid (world) of the faces' centres. */
function centroid(dom: M.HexDomain, faces: M.FaceSet): Vec3 {
  const c = Array.from(faces, (f) => M.faceCentre(dom, f));
  return [0, 1, 2].map((a) => c.reduce((s, p) => s + p[a]!, 0) / c.length) as Vec3;
}

const within = (x: Vec3, r: Region, slack: number) =>
  Math.hypot(x[0] - r.ras[0], x[1] - r.ras[1], x[2] - r.ras[2]) <= r.radiusMm + slack;

describe('picked regions in the stress presets', () => {
  const vert = label('vertebra_T7');
  const dom = () =>
    M.domainFromLabels({ labels: phantom.labels, ids: [vert], h: 3, material: () => ({ E: 500, nu: 0.3 }) });
  const top = M.vertebraCase(dom(), { forceN: 1 }).loadedFaces;
  const pick: Region = { ras: centroid(dom(), top), radiusMm: 7 };
  const slack = 3 * Math.SQRT1_2; // a face within r has its nodes within r + h/√2

  it('vertebra flexion: the moment acts on the picked region only, net force 0, moment = M about world −x', () => {
    const p = { ...base('vertebra-flexion', vert, 5), loadRegion: pick };
    const { problem, description } = buildStressCase(dom(), p);
    const picked = loads(problem);
    const preset = loads(buildStressCase(dom(), base('vertebra-flexion', vert, 5)).problem);
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.length).toBeLessThan(preset.length); // the pick, not the whole endplate
    for (const n of picked) expect(within(n.x, pick, slack)).toBe(true);
    const sumF = [0, 1, 2].map((a) => picked.reduce((s, n) => s + n.f[a]!, 0));
    const absF = picked.reduce((s, n) => s + Math.hypot(...n.f), 0);
    expect(Math.hypot(...sumF) / absF).toBeLessThan(SUM_TOL);
    // moment about world x: Σ (y·f_z − z·f_y); flexion is +M about −x
    const mx = picked.reduce((s, n) => s + n.x[1] * n.f[2] - n.x[2] * n.f[1], 0);
    expect(Math.abs(-mx - 5000) / 5000).toBeLessThan(SUM_TOL);
    expect(description).toMatch(/moment acts on the picked loaded region/);
  });

  it('vertebra compression: the force sums to −F along world z over the pick', () => {
    const { problem } = buildStressCase(dom(), {
      ...base('vertebra-compression', vert, 800),
      loadRegion: pick,
    });
    const picked = loads(problem);
    for (const n of picked) expect(within(n.x, pick, slack)).toBe(true);
    expect(Math.abs(picked.reduce((s, n) => s + n.f[2], 0) + 800) / 800).toBeLessThan(SUM_TOL);
  });

  it('lung: a loaded pick needs a fixed pick (refused with a message); with both, pressure only on the pick', () => {
    const lung = label('lung_left');
    const ldom = () =>
      M.domainFromLabels({ labels: phantom.labels, ids: [lung], h: 6, material: () => M.LUNG_PARENCHYMA });
    const surf = M.exposedFaces(ldom());
    const a = M.faceCentre(ldom(), surf[0]!);
    const b = M.faceCentre(ldom(), surf[surf.length - 1]!);
    const loadRegion: Region = { ras: [a[0], a[1], a[2]], radiusMm: 15 };
    const fixedRegion: Region = { ras: [b[0], b[1], b[2]], radiusMm: 15 };
    const p = { ...base('lung-inflation', lung, 0.5), elementMm: 6, loadRegion };
    expect(pickNote('lung-inflation', p)?.error).toBe(true);
    expect(() => buildStressCase(ldom(), p)).toThrow(/needs a fixed region too/);
    const { problem } = buildStressCase(ldom(), { ...p, fixedRegion });
    const picked = loads(problem);
    expect(picked.length).toBeGreaterThan(0);
    for (const n of picked) expect(within(n.x, loadRegion, 6 * Math.SQRT1_2)).toBe(true);
    expect(problem.fixed.some((f) => f === 1)).toBe(true);
  });

  it('pickNote: nothing without picks, a sentence per preset with one', () => {
    expect(pickNote('vertebra-flexion', {})).toBeUndefined();
    expect(pickNote('vertebra-flexion', { loadRegion: pick })?.text).toMatch(/left-right axis/);
    expect(pickNote('ventricle-pressure', { fixedRegion: pick })?.text).toMatch(/fixed region is clamped/);
    expect(pickNote('lung-inflation', { loadRegion: pick, fixedRegion: pick })?.error).toBeUndefined();
  });
});
