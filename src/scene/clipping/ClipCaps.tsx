// Capped cross-sections for clipped organs, the standard three.js stencil recipe: per (organ, plane) the
// organ's back faces increment and front faces decrement the stencil (clipped by that plane, no colour, no
// depth test); a large quad on the plane, clipped by the other planes, is then drawn in the organ colour
// where the stencil is non-zero and resets it to 0. Needs a stencil buffer (Canvas gl.stencil = true).
// Frame: three (mm).
import { useEffect, useMemo } from 'react';
import {
  AlwaysStencilFunc,
  BackSide,
  Color,
  DecrementWrapStencilOp,
  DoubleSide,
  FrontSide,
  IncrementWrapStencilOp,
  MeshBasicMaterial,
  NotEqualStencilFunc,
  Quaternion,
  ReplaceStencilOp,
  SRGBColorSpace,
  Vector3,
  type Plane,
} from 'three';
import { useApp, type OrganState } from '../../app/store';
import { useTools } from '../../ui/tools/toolStore';
import { planeFor, useClipPlanes } from './planes';
import { capGeometry, pruneCapGeometries } from './capGeometry';

/** `transparent` must match the cap's so both land in the same render queue, in renderOrder. */
function stencilMaterial(side: typeof FrontSide | typeof BackSide, planes: Plane[], transparent: boolean): MeshBasicMaterial {
  const op = side === BackSide ? IncrementWrapStencilOp : DecrementWrapStencilOp;
  return new MeshBasicMaterial({
    side,
    transparent,
    clippingPlanes: planes,
    depthWrite: false,
    depthTest: false,
    colorWrite: false,
    stencilWrite: true,
    stencilFunc: AlwaysStencilFunc,
    stencilFail: op,
    stencilZFail: op,
    stencilZPass: op,
  });
}

const Z = new Vector3(0, 0, 1);

function OrganCap({ organ, planeId, order }: { organ: OrganState; planeId: number; order: number }) {
  const state = useTools((s) => s.clipPlanes.find((p) => p.id === planeId));
  const others = useClipPlanes(planeId);
  const geometry = capGeometry(organ.id);
  // The pooled Plane is mutated in place on offset changes, so materials are rebuilt only per plane id.
  const own = useMemo(() => {
    const s = useTools.getState().clipPlanes.find((p) => p.id === planeId);
    return s ? [planeFor(s)] : [];
  }, [planeId]);
  const transparent = organ.opacity < 0.999;
  const back = useMemo(() => stencilMaterial(BackSide, own, transparent), [own, transparent]);
  const front = useMemo(() => stencilMaterial(FrontSide, own, transparent), [own, transparent]);
  useEffect(() => () => { back.dispose(); front.dispose(); }, [back, front]);
  const color = useMemo(() => new Color().setRGB(...organ.color, SRGBColorSpace).multiplyScalar(0.85), [organ.color]);
  if (!geometry || !state || !geometry.boundingSphere) return null;
  const plane = planeFor(state);
  const sphere = geometry.boundingSphere;
  const center = plane.projectPoint(sphere.center, new Vector3());
  const quat = new Quaternion().setFromUnitVectors(Z, plane.normal);
  const size = sphere.radius * 2.4;
  return (
    <group>
      <mesh geometry={geometry} material={back} renderOrder={order} />
      <mesh geometry={geometry} material={front} renderOrder={order} />
      <mesh position={center} quaternion={quat} renderOrder={order + 1} name={`cap:${organ.name}`}>
        <planeGeometry args={[size, size]} />
        <meshStandardMaterial
          color={color}
          roughness={0.8}
          side={DoubleSide}
          clippingPlanes={others}
          transparent={transparent}
          opacity={organ.opacity}
          stencilWrite
          stencilRef={0}
          stencilFunc={NotEqualStencilFunc}
          stencilFail={ReplaceStencilOp}
          stencilZFail={ReplaceStencilOp}
          stencilZPass={ReplaceStencilOp}
        />
      </mesh>
    </group>
  );
}

export function ClipCaps() {
  const planes = useTools((s) => s.clipPlanes);
  const caps = useTools((s) => s.caps);
  const organs = useApp((s) => s.organs);
  useEffect(() => pruneCapGeometries(new Set(organs.map((o) => o.id))), [organs]);
  if (!caps || planes.length === 0) return null;
  const visible = organs.filter((o) => o.visible);
  return (
    <group name="clip-caps">
      {visible.flatMap((o, k) =>
        planes.map((p, j) => (
          <OrganCap key={`${o.id}|${p.id}`} organ={o} planeId={p.id} order={10 + 2 * (k * planes.length + j)} />
        )),
      )}
    </group>
  );
}
