// One 2D slice (axial, coronal or sagittal) of the current scan: grey values under the chosen window, the
// label overlay in the organ colours, and the crosshair. Clicking sets the crosshair (world RAS mm; the 3D
// marker follows); the wheel or slider steps through slices. Pixels are drawn with their mm aspect ratio.
import { useEffect, useRef, useState } from 'react';
import { pipeline } from '../../app/pipelineClient';
import { useApp } from '../../app/store';
import { ijkToPixel, ijkToWorld, pixelToIjk, sliceFrame, worldToIjk, type SliceData, type SlicePlane } from '../../app/workers/slice';
import { useTools } from '../tools/toolStore';
import { useSliceInfo, type SliceInfo } from './sliceStore';
import { grey, windowRange } from './windowing';
import { publishSliceCanvas } from './sliceCanvases';

const CROSS = '#39e0c8';

function labelColours(info: SliceInfo, organs: { label?: number; color: [number, number, number]; visible: boolean }[]): Map<number, [number, number, number]> {
  const m = new Map<number, [number, number, number]>();
  // the body outline would tint the whole slice: leave it out of the overlay
  for (const l of info.labels) if (l.color && !/^(body|skin)$/i.test(l.name)) m.set(l.value, [l.color[0], l.color[1], l.color[2]]);
  for (const o of organs) if (o.label !== undefined) m.set(o.label, o.color);
  return m;
}

export function SliceView({ plane, info }: { plane: SlicePlane; info: SliceInfo }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const crosshair = useTools((s) => s.crosshair);
  const preset = useTools((s) => s.windowPreset);
  const overlay = useTools((s) => s.overlayOpacity);
  const organs = useApp((s) => s.organs);
  const frame = sliceFrame(info.dims, info.ijkToWorld, plane);
  const ijk = crosshair ? worldToIjk(info.ijkToWorld, crosshair) : ([0, 1, 2].map((a) => (info.dims[a]! - 1) / 2) as [number, number, number]);
  const pix = ijkToPixel(frame, ijk);
  const index = Math.max(0, Math.min(frame.count - 1, Math.round(pix.index)));
  const [slice, setSlice] = useState<SliceData>();
  useEffect(() => {
    let live = true;
    void pipeline().getSlice(plane, index).then((s) => live && setSlice(s));
    return () => { live = false; }; // prettier-ignore
  }, [plane, index, info]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !slice) return;
    c.width = slice.width;
    c.height = slice.height;
    const ctx = c.getContext('2d')!;
    const img = ctx.createImageData(slice.width, slice.height);
    const [lo, hi] = windowRange(preset, info.range);
    const colours = labelColours(info, organs);
    for (let p = 0; p < slice.image.length; p++) {
      const g = grey(slice.image[p]!, lo, hi);
      const col = slice.labels[p] ? colours.get(slice.labels[p]!) : undefined;
      const a = col ? overlay : 0;
      img.data[4 * p] = (1 - a) * g + a * 255 * (col?.[0] ?? 0);
      img.data[4 * p + 1] = (1 - a) * g + a * 255 * (col?.[1] ?? 0);
      img.data[4 * p + 2] = (1 - a) * g + a * 255 * (col?.[2] ?? 0);
      img.data[4 * p + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    publishSliceCanvas(plane, c, slice.index);
  }, [slice, preset, overlay, organs, info, plane]);
  const su = info.spacing[frame.u];
  const sv = info.spacing[frame.v];
  const setFromPixel = (x: number, y: number, k = index) => useTools.getState().set({ crosshair: ijkToWorld(info.ijkToWorld, pixelToIjk(frame, k, x, y)) });
  return (
    <figure className="slice-view" data-plane={plane}>
      <figcaption>
        {plane} <span className="muted">{index + 1}/{frame.count}</span>
      </figcaption>
      <div className="slice-frame" style={{ aspectRatio: `${frame.width * su} / ${frame.height * sv}` }}>
        <canvas
          ref={canvas}
          className="slice-canvas"
          aria-label={`${plane} slice`}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setFromPixel(((e.clientX - r.left) / r.width) * frame.width - 0.5, ((e.clientY - r.top) / r.height) * frame.height - 0.5);
          }}
          onWheel={(e) => setFromPixel(pix.x, pix.y, Math.max(0, Math.min(frame.count - 1, index + Math.sign(e.deltaY))))}
        />
        <div className="slice-cross-v" style={{ left: `${((pix.x + 0.5) / frame.width) * 100}%`, background: CROSS }} />
        <div className="slice-cross-h" style={{ top: `${((pix.y + 0.5) / frame.height) * 100}%`, background: CROSS }} />
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
