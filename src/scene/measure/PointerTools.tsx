// Pointer handling for the anatomy tools on the 3D canvas: a click (press + release within a few pixels, so
// orbit drags don't count) on an organ adds a measurement point in distance/angle mode, or moves the slice
// crosshair otherwise; hovering reports the organ (and a field value via registerHoverValue), at most once
// per animation frame. Points are world RAS mm.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useTools } from '../../ui/tools/toolStore';
import { useHover } from '../annotations/hover';
import { measure, pointsNeeded } from './math';
import { pickOrgan } from './pick';

/** Max pointer travel (CSS px) between press and release for a click. */
const CLICK_SLOP_PX = 4;

export function PointerTools() {
  const { gl, camera, scene } = useThree();
  useEffect(() => {
    const el = gl.domElement;
    let down: { x: number; y: number } | undefined;
    let hoverQueued = false;
    let last = { x: 0, y: 0 };
    const local = (e: PointerEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top, w: r.width, h: r.height };
    };
    const onDown = (e: PointerEvent) => {
      if (e.button === 0) down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (e.button !== 0 || !down) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      down = undefined;
      if (moved > CLICK_SLOP_PX) return;
      const p = local(e);
      const hit = pickOrgan(scene, camera, p.x, p.y, p.w, p.h);
      if (!hit) return;
      const tools = useTools.getState();
      if (tools.mode === 'none') {
        tools.set({ crosshair: hit.pointRas });
        return;
      }
      const pts = [...tools.pending, hit.pointRas];
      if (pts.length >= pointsNeeded(tools.mode)) {
        tools.addMeasurement({ kind: tools.mode, points: pts, value: measure(tools.mode, pts) });
      } else tools.addPending(hit.pointRas);
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const p = local(e);
      last = p;
      if (hoverQueued) return;
      hoverQueued = true;
      requestAnimationFrame(() => {
        hoverQueued = false;
        const r = el.getBoundingClientRect();
        useHover.getState().setHit(pickOrgan(scene, camera, last.x, last.y, r.width, r.height));
      });
    };
    const onLeave = () => useHover.getState().setHit(undefined);
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
    };
  }, [gl, camera, scene]);
  return null;
}
