// The three slice views shown in 3D as textured quads at their true position (the slice canvas as texture:
// CT under the current window/level with the label and field overlays; corners from voxel IJK through
// ijkToWorld to RAS mm, then to the three frame). The canvas holds sRGB bytes, so the texture is tagged sRGB
// (untagged it reads as linear and shows washed-out, near white). The quads are see-through (opacity from the
// slice panel; pixels below the window are transparent, see compose.ts) and write no depth, so organs behind
// a plane stay visible. Updated in place when a slice is
// redrawn (no re-render); visible with "slices" + "in 3D".
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, CanvasTexture, DoubleSide, LinearFilter, MeshBasicMaterial, SRGBColorSpace } from 'three';
import { ijkToWorld, pixelToIjk, sliceFrame, type SlicePlane } from '../../app/workers/slice';
import { onSliceCanvas, sliceCanvas, useSliceInfo, useSliceView } from '../../ui/slices';
import type { SliceInfo } from '../../ui/slices/sliceStore';
import { useTools } from '../../ui/tools/toolStore';
import { rasToThree } from '../frames';

const PLANES: SlicePlane[] = ['axial', 'coronal', 'sagittal'];
/** Pixel corners (display x, y) of a slice of w×h pixels, in quad vertex order. */
const corners = (w: number, h: number): [number, number][] => [[-0.5, h - 0.5], [w - 0.5, h - 0.5], [w - 0.5, -0.5], [-0.5, -0.5]]; // prettier-ignore

function SliceQuad({ plane, info }: { plane: SlicePlane; info: SliceInfo }) {
  const invalidate = useThree((s) => s.invalidate);
  const opacity = useSliceView((s) => s.planeOpacity);
  const { geometry, material } = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(12), 3));
    g.setAttribute('uv', new BufferAttribute(new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]), 2));
    g.setIndex([0, 1, 2, 0, 2, 3]);
    const m = new MeshBasicMaterial({ side: DoubleSide, transparent: true, depthWrite: false, alphaTest: 0.01, toneMapped: false });
    return { geometry: g, material: m };
  }, []);
  useEffect(() => {
    const frame = sliceFrame(info.dims, info.ijkToWorld, plane);
    let canvasEl: HTMLCanvasElement | undefined;
    const update = () => {
      const s = sliceCanvas(plane);
      if (!s) return;
      if (s.canvas !== canvasEl) {
        canvasEl = s.canvas;
        material.map?.dispose();
        const t = new CanvasTexture(s.canvas);
        t.colorSpace = SRGBColorSpace;
        t.minFilter = LinearFilter;
        material.map = t;
        material.needsUpdate = true;
      }
      material.map!.needsUpdate = true;
      const pos = geometry.getAttribute('position') as BufferAttribute;
      corners(frame.width, frame.height).forEach(([x, y], v) => {
        const w = ijkToWorld(info.ijkToWorld, pixelToIjk(frame, s.index, x, y));
        pos.setXYZ(v, ...rasToThree(w[0], w[1], w[2]));
      });
      pos.needsUpdate = true;
      geometry.computeBoundingSphere();
      invalidate();
    };
    update();
    return onSliceCanvas(update);
  }, [plane, info, geometry, material, invalidate]);
  useEffect(() => {
    material.opacity = opacity;
    invalidate();
  }, [material, opacity, invalidate]);
  useEffect(() => () => { material.map?.dispose(); material.dispose(); geometry.dispose(); }, [geometry, material]); // prettier-ignore
  return <mesh geometry={geometry} material={material} name={`slice-${plane}`} renderOrder={2} />;
}

export function SlicePlanes() {
  const on = useTools((s) => s.showSlices && s.slicePlanes3d);
  const info = useSliceInfo((s) => s.info);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [on, invalidate]);
  if (!on || !info) return null;
  return (
    <group name="slice-planes">
      {PLANES.map((p) => (
        <SliceQuad key={`${p}:${info.name}`} plane={p} info={info} />
      ))}
    </group>
  );
}
