// Slice geometry for the 2D views: radiological layout (axial/coronal: patient left on screen right;
// sagittal: anterior on the left; superior/anterior up) for RAS, LPS-flipped and axis-permuted affines,
// pixel <-> voxel round trips, extraction of a known voxel, and the patient-direction letters at the slice edges
// (same for every affine; two letters for an oblique grid). Frames: voxel IJK, world RAS mm (+x = right).
import { describe, expect, it } from 'vitest';
import {
  extractSlice,
  ijkToPixel,
  ijkToWorld,
  pixelToIjk,
  sliceFrame,
  worldToIjk,
} from '../../../src/app/workers/slice';
import { directionLetters, sliceOrientation } from '../../../src/app/workers/slice-orientation';
import type { Vec3, Volume } from '../../../src/volume/types';
import { affineFromColumns } from '../affine-fixture';

const MM_TOL = 1e-9;

const affine = affineFromColumns;

const DIMS: Vec3 = [4, 5, 6];
const CASES: Record<string, Float64Array> = {
  ras: affine([
    [1.5, 0, 0],
    [0, 1.5, 0],
    [0, 0, 2],
  ]),
  lps: affine(
    [
      [-1, 0, 0],
      [0, -1, 0],
      [0, 0, 3],
    ],
    [10, 20, -5],
  ),
  permuted: affine([
    [0, 0, 1],
    [-2, 0, 0],
    [0, 1, 0],
  ]),
};

/** World displacement of one display pixel step along screen x and screen y (down). */
function screenSteps(m: Float64Array, plane: 'axial' | 'coronal' | 'sagittal') {
  const f = sliceFrame(DIMS, m, plane);
  const o = ijkToWorld(m, pixelToIjk(f, 1, 1, 1));
  const dx = ijkToWorld(m, pixelToIjk(f, 1, 2, 1)).map((v, a) => v - o[a]!);
  const dy = ijkToWorld(m, pixelToIjk(f, 1, 1, 2)).map((v, a) => v - o[a]!);
  return { dx, dy };
}

describe('slice layout', () => {
  for (const [name, m] of Object.entries(CASES)) {
    it(`is radiological for a ${name} affine`, () => {
      const ax = screenSteps(m, 'axial');
      expect(ax.dx[0]).toBeLessThan(0); // screen right = patient left (R decreases)
      expect(ax.dy[1]).toBeLessThan(0); // screen down = posterior
      const co = screenSteps(m, 'coronal');
      expect(co.dx[0]).toBeLessThan(0);
      expect(co.dy[2]).toBeLessThan(0); // screen down = inferior
      const sa = screenSteps(m, 'sagittal');
      expect(sa.dx[1]).toBeLessThan(0); // screen right = posterior (anterior on the left)
      expect(sa.dy[2]).toBeLessThan(0);
    });
    it(`round-trips pixels and world points for a ${name} affine`, () => {
      for (const plane of ['axial', 'coronal', 'sagittal'] as const) {
        const f = sliceFrame(DIMS, m, plane);
        const ijk = pixelToIjk(f, 2, 1, 3);
        const back = ijkToPixel(f, ijk);
        expect([back.x, back.y, back.index]).toEqual([1, 3, 2]);
        const w = ijkToWorld(m, ijk);
        const again = worldToIjk(m, w);
        for (let a = 0; a < 3; a++) expect(Math.abs(again[a]! - ijk[a]!)).toBeLessThan(MM_TOL);
      }
    });
  }
});

describe('extractSlice', () => {
  it('puts a marked voxel at its display pixel', () => {
    const m = CASES.lps!;
    const n = DIMS[0] * DIMS[1] * DIMS[2];
    const data = new Int16Array(n);
    const labels = new Uint8Array(n);
    const [i, j, k] = [1, 3, 4];
    data[i + DIMS[0] * (j + DIMS[1] * k)] = 1000;
    labels[i + DIMS[0] * (j + DIMS[1] * k)] = 7;
    const base = { name: 't', dims: DIMS, spacing: [1, 1, 3] as Vec3, ijkToWorld: m, units: 'HU' };
    const image: Volume = { ...base, data, modality: 'CT' };
    const lab: Volume = { ...base, data: labels, modality: 'label', units: 'label' };
    const f = sliceFrame(DIMS, m, 'axial');
    const p = ijkToPixel(f, [i, j, k]);
    const s = extractSlice(image, lab, 'axial', p.index);
    expect(s.image[p.y * s.width + p.x]).toBe(1000);
    expect(s.labels[p.y * s.width + p.x]).toBe(7);
    let sum = 0;
    for (const v of s.image) sum += v;
    expect(sum).toBe(1000);
  });
});

/** Radiological edge letters: patient right on the screen's left, anterior (axial) or superior up. */
const EXPECTED_LETTERS = {
  axial: { left: 'R', right: 'L', top: 'A', bottom: 'P' },
  coronal: { left: 'R', right: 'L', top: 'S', bottom: 'I' },
  sagittal: { left: 'A', right: 'P', top: 'S', bottom: 'I' },
} as const;

describe('slice orientation letters', () => {
  for (const [name, m] of Object.entries(CASES)) {
    it(`labels the edges radiologically for a ${name} affine`, () => {
      for (const plane of ['axial', 'coronal', 'sagittal'] as const)
        expect(sliceOrientation(DIMS, m, plane)).toEqual(EXPECTED_LETTERS[plane]);
    });
    it(`agrees with the world step of one screen pixel for a ${name} affine`, () => {
      const pos = ['R', 'A', 'S'];
      const neg = ['L', 'P', 'I'];
      for (const plane of ['axial', 'coronal', 'sagittal'] as const) {
        const { dx, dy } = screenSteps(m, plane);
        const o = sliceOrientation(DIMS, m, plane);
        const letter = (d: number[]) => {
          const a = [0, 1, 2].reduce((b, c) => (Math.abs(d[c]!) > Math.abs(d[b]!) ? c : b), 0);
          return d[a]! > 0 ? pos[a] : neg[a];
        };
        expect(o.right).toBe(letter(dx));
        expect(o.bottom).toBe(letter(dy));
      }
    });
  }

  it('names an oblique (30° about S) grid with two letters, strongest first', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const m = affine([
      [c, s, 0],
      [-s, c, 0],
      [0, 0, 1],
    ]);
    expect(sliceOrientation(DIMS, m, 'axial')).toEqual({ left: 'RA', right: 'LP', top: 'AL', bottom: 'PR' });
  });

  it('spells single directions and ignores small oblique components', () => {
    expect(directionLetters([1, 0, 0])).toBe('R');
    expect(directionLetters([0, -2, 0])).toBe('P');
    expect(directionLetters([0.1, 0, -1])).toBe('I');
    expect(directionLetters([-1, 0.9, 0.5])).toBe('LAS');
    expect(directionLetters([0, 0, 0])).toBe('');
  });
});
