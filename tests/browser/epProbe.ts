// Browser-test helpers for EP probes: pin a probe by clicking candidate points of the 3D view (fractions of the
// canvas) until one lands on a mesh, read a probe's Vm series (ms, mV) through window.__organTwin, and check it
// is an action potential: an upstroke of more than `minAmplitudeMv` above the first (resting) sample, still
// depolarised `plateauMs` after the peak (plateau), and below the peak at the end of the run (decay).
import { expect, type Page } from '@playwright/test';

export interface Series {
  t: number[];
  v: number[];
}

/** Clicks the points in turn until the probe list has `count` entries (probe mode must be on). */
export async function pinProbeAt(page: Page, points: ReadonlyArray<readonly [number, number]>, count: number): Promise<void> {
  const box = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  for (const [fx, fy] of points) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(250);
    if ((await page.locator('.probe-list li').count()) >= count) break;
  }
  await expect(page.locator('.probe-list li')).toHaveCount(count);
}

export async function probeSeries(page: Page, i: number): Promise<Series> {
  return page.evaluate((k) => (window as any).__organTwin.probeSeries(k), i);
}

export interface ApShape {
  rest: number;
  peak: number;
  peakMs: number;
  /** Vm `plateauMs` after the peak. */
  plateau: number;
  last: number;
}

/** Measures the shape of an action potential in a probe series (finite samples only). */
export function apShape(s: Series, plateauMs: number): ApShape {
  const t = s.t.filter((_, i) => Number.isFinite(s.v[i]));
  const v = s.v.filter((x) => Number.isFinite(x));
  expect(v.length, 'finite samples in the probe series').toBeGreaterThan(20);
  const peakIdx = v.indexOf(Math.max(...v));
  const frameMs = t[1]! - t[0]!;
  const later = Math.min(v.length - 1, peakIdx + Math.round(plateauMs / frameMs));
  return { rest: v[0]!, peak: v[peakIdx]!, peakMs: t[peakIdx]!, plateau: v[later]!, last: v[v.length - 1]! };
}
