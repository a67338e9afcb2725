// Teaching-label placement: labels never overlap after declutter, priority order wins, hidden anchors stay
// hidden, and anatomical display names. Units: CSS px.
import { describe, expect, it } from 'vitest';
import { declutter, type LabelBox } from '../../../src/scene/annotations/declutter';
import { displayName } from '../../../src/scene/annotations/names';

function overlap(a: LabelBox, ay: number, b: LabelBox, by: number): boolean {
  return Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y + ay - (b.y + by)) < (a.h + b.h) / 2;
}

describe('label declutter', () => {
  it('places a crowd of labels without any two overlapping', () => {
    const boxes: LabelBox[] = [];
    for (let i = 0; i < 12; i++)
      boxes.push({ x: 400 + (i % 3) * 10, y: 300 + i * 4, w: 90, h: 20, hidden: false });
    const dy = new Float32Array(boxes.length);
    const shown = new Uint8Array(boxes.length);
    const order = boxes.map((_, i) => i);
    const n = declutter(boxes, order, dy, shown);
    expect(n).toBeGreaterThanOrEqual(5); // five vertical slots (0, ±1, ±2 label heights) fit around the anchor
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (shown[i] && shown[j]) expect(overlap(boxes[i]!, dy[i]!, boxes[j]!, dy[j]!)).toBe(false);
  });

  it('keeps the first label in priority order at its anchor and never shows hidden anchors', () => {
    const boxes: LabelBox[] = [
      { x: 100, y: 100, w: 80, h: 20, hidden: false },
      { x: 105, y: 102, w: 80, h: 20, hidden: false },
      { x: 500, y: 500, w: 80, h: 20, hidden: true },
    ];
    const dy = new Float32Array(3);
    const shown = new Uint8Array(3);
    declutter(boxes, [1, 0, 2], dy, shown);
    expect(shown[1]).toBe(1);
    expect(dy[1]).toBe(0);
    expect(shown[0]).toBe(1);
    expect(dy[0]).not.toBe(0);
    expect(shown[2]).toBe(0);
  });
});

describe('anatomical display names', () => {
  it('maps structure ids to anatomical terms', () => {
    expect(displayName('lv_blood')).toBe('Left ventricle');
    expect(displayName('ra_blood')).toBe('Right atrium');
    expect(displayName('heart_myocardium')).toBe('Myocardium');
    expect(displayName('vertebra_L3')).toBe('L3');
    expect(displayName('disc_T7_T8')).toBe('Disc T7–T8');
    expect(displayName('lung_left')).toBe('Lung (left)');
    expect(displayName('aorta')).toBe('Aorta');
  });
});
