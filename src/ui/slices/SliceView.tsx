// One 2D slice (axial, coronal or sagittal) of the current scan: grey values under the window, the label overlay
// in the organ colours, the active solver field (same colormap and range as the 3D scalar bar, isochrone lines for
// activation maps), patient-direction
// letters at the edges (radiological layout, from the affine) and the crosshair. Left click/drag sets the
// crosshair (world RAS mm; the 3D marker and the other slices follow); right-drag or shift+drag adjusts
// window/level (HU for CT); the wheel or slider steps through slices. Pixels are drawn with their mm aspect ratio.
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { pipeline } from '../../app/pipelineClient';
import { useApp } from '../../app/store';
import { useFields } from '../../app/fieldStore';
import { ijkToPixel, ijkToWorld, pixelToIjk, sliceFrame, worldToIjk, type SliceData, type SlicePlane } from '../../app/workers/slice';
import { sliceOrientation } from '../../app/workers/slice-orientation';
import { colormapLut } from '../../scene/fields/colormaps';
import { useTools } from '../tools/toolStore';
import { useSliceInfo, type SliceInfo } from './sliceStore';
import { useSliceView } from './sliceViewStore';
import { dragWindow, levelOf, rangeOf, windowRange } from './windowing';
import { blendField, composeBase, drawIsochrones, type Rgb } from './compose';
import { useFieldOverlay } from './useFieldOverlay';
import { publishSliceCanvas } from './sliceCanvases';

const CROSS = '#39e0c8';

function labelColours(info: SliceInfo, organs: { label?: number; color: Rgb; visible: boolean }[]): Map<number, Rgb> {
  const m = new Map<number, Rgb>();
  // the body outline would tint the whole slice: leave it out of the overlay
  for (const l of info.labels) if (l.color && !/^(body|skin)$/i.test(l.name)) m.set(l.value, [l.color[0], l.color[1], l.color[2]]);
  for (const o of organs) if (o.label !== undefined) m.set(o.label, o.color);
  return m;
}

/** The display window [lo, hi]: a dragged custom window, else the preset. */
export function useWindow(info: SliceInfo): [number, number] {
  const preset = useTools((s) => s.windowPreset);
  const custom = useSliceView((s) => s.custom);
  return custom ? rangeOf(custom) : windowRange(preset, info.range);
}

export function SliceView({ plane, info }: { plane: SlicePlane; info: SliceInfo }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const crosshair = useTools((s) => s.crosshair);
  const overlay = useTools((s) => s.overlayOpacity);
  const organs = useApp((s) => s.organs);
  const [lo, hi] = useWindow(info);
  const fieldOpacity = useSliceView((s) => s.fieldOpacity);
  const colormap = useFields((s) => s.colormap);
  const min = useFields((s) => s.min);
  const max = useFields((s) => s.max);
  const isochrones = useFields((s) => s.isochrones);
  const isoMs = useFields((s) => s.isoIntervalMs);
  const frame = sliceFrame(info.dims, info.ijkToWorld, plane);
  const letters = useMemo(() => sliceOrientation(info.dims, info.ijkToWorld, plane), [info, plane]);
  const ijk = crosshair ? worldToIjk(info.ijkToWorld, crosshair) : ([0, 1, 2].map((a) => (info.dims[a]! - 1) / 2) as [number, number, number]);
  const pix = ijkToPixel(frame, ijk);
  const index = Math.max(0, Math.min(frame.count - 1, Math.round(pix.index)));
  const [slice, setSlice] = useState<SliceData>();
  useEffect(() => {
    let live = true;
    void pipeline().getSlice(plane, index).then((s) => live && setSlice(s));
    return () => { live = false; }; // prettier-ignore
  }, [plane, index, info]);
  const base = useMemo(
    () => slice && composeBase(slice.image, slice.labels, lo, hi, labelColours(info, organs), overlay, new Uint8ClampedArray(4 * slice.image.length)),
    [slice, lo, hi, overlay, organs, info],
  );
  const { values: fieldValues, name: fieldName, units: fieldUnits, timeMs: fieldTime } = useFieldOverlay(info, slice);
  const isoInterval = isochrones && fieldUnits === 'ms' && fieldOpacity > 0 ? isoMs : 0;
  const lut = useMemo(() => colormapLut(colormap), [colormap]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !slice || !base) return;
    c.width = slice.width;
    c.height = slice.height;
    const ctx = c.getContext('2d')!;
    const img = ctx.createImageData(slice.width, slice.height);
    if (fieldValues && fieldValues.length === slice.image.length) {
      blendField(base, fieldValues, lut, min, max, fieldOpacity, img.data);
      drawIsochrones(fieldValues, slice.width, isoInterval, img.data);
    } else img.data.set(base);
    ctx.putImageData(img, 0, 0);
    c.dataset.field = fieldValues ? (fieldName ?? '') : '';
    c.dataset.fieldTime = fieldValues && fieldTime !== undefined ? String(fieldTime) : '';
    publishSliceCanvas(plane, c, slice.index);
  }, [slice, base, fieldValues, fieldName, fieldTime, lut, min, max, fieldOpacity, isoInterval, plane]);

  const drag = useRef<{ x: number; y: number; start: ReturnType<typeof levelOf>; mode: 'wl' | 'cross' } | undefined>(undefined);
  const setFromPixel = (x: number, y: number, k = index) => useTools.getState().set({ crosshair: ijkToWorld(info.ijkToWorld, pixelToIjk(frame, k, x, y)) });
  const setFromEvent = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setFromPixel(((e.clientX - r.left) / r.width) * frame.width - 0.5, ((e.clientY - r.top) / r.height) * frame.height - 0.5);
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const wl = e.button === 2 || (e.button === 0 && e.shiftKey);
    if (!wl && e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, start: levelOf([lo, hi]), mode: wl ? 'wl' : 'cross' };
    if (!wl) setFromEvent(e);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d) return;
    if (d.mode === 'cross') setFromEvent(e);
    else useSliceView.getState().set({ custom: dragWindow(d.start, e.clientX - d.x, e.clientY - d.y, info.range) });
  };
  const su = info.spacing[frame.u];
  const sv = info.spacing[frame.v];
  const ratio = (frame.width * su) / (frame.height * sv);
  return (
    <figure className="slice-view" data-plane={plane}>
      <figcaption>
        {plane} <span className="muted">{index + 1}/{frame.count}</span>
      </figcaption>
      <div className="slice-frame" style={{ aspectRatio: `${ratio}`, width: `min(100%, calc(var(--slice-max-h) * ${ratio}))` }}>
        <canvas
          ref={canvas}
          className="slice-canvas"
          aria-label={`${plane} slice`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => (drag.current = undefined)}
          onPointerCancel={() => (drag.current = undefined)}
          onContextMenu={(e) => e.preventDefault()}
          onWheel={(e) => setFromPixel(pix.x, pix.y, Math.max(0, Math.min(frame.count - 1, index + Math.sign(e.deltaY))))}
        />
        <div className="slice-cross-v" style={{ left: `${((pix.x + 0.5) / frame.width) * 100}%`, background: CROSS }} />
        <div className="slice-cross-h" style={{ top: `${((pix.y + 0.5) / frame.height) * 100}%`, background: CROSS }} />
        <span className="slice-dir slice-dir-left" data-dir="left">{letters.left}</span>
        <span className="slice-dir slice-dir-right" data-dir="right">{letters.right}</span>
        <span className="slice-dir slice-dir-top" data-dir="top">{letters.top}</span>
        <span className="slice-dir slice-dir-bottom" data-dir="bottom">{letters.bottom}</span>
      </div>
      <input
        type="range"
        min={0}
        max={frame.count - 1}
        value={index}
        aria-label={`${plane} slice index`}
        onChange={(e) => setFromPixel(pix.x, pix.y, Number(e.target.value))}
      />
    </figure>
  );
}

export function useSliceInfoLoader(): void {
  const sourceName = useApp((s) => s.sourceName);
  useEffect(() => {
    let live = true;
    void pipeline().sliceInfo().then((i) => live && useSliceInfo.getState().setInfo(i));
    return () => { live = false; }; // prettier-ignore
  }, [sourceName]);
}
