// Ray picking of organ surfaces for the anatomy tools: the first visible, unclipped hit, preferring an opaque
// organ seen through a translucent one (what the eye sees). Input: canvas-relative pointer; output in world RAS mm.
import { Raycaster, Vector2, type Camera, type Intersection, type Mesh, type Object3D } from 'three';
import type { Vec3 } from '../../volume/types';
import { useApp } from '../../app/store';
import { threeToRas } from '../frames';
import { isClipped } from '../clipping/planes';
import type { HoverHit } from '../annotations/hover';

const raycaster = new Raycaster();
const ndc = new Vector2();
const targets: Object3D[] = [];
/** Organs at least this opaque stop the pick; more translucent ones are looked through when possible. */
const OPAQUE_PICK = 0.5;

export function pickOrgan(root: Object3D, camera: Camera, x: number, y: number, w: number, h: number): HoverHit | undefined {
  ndc.set((x / w) * 2 - 1, -(y / h) * 2 + 1);
  raycaster.setFromCamera(ndc, camera);
  targets.length = 0;
  root.traverse((o) => {
    if ((o as Mesh).isMesh && o.visible && typeof o.userData.organId === 'string') targets.push(o);
  });
  const hits = raycaster.intersectObjects(targets, false).filter((i) => !isClipped(i.point.x, i.point.y, i.point.z));
  if (hits.length === 0) return undefined;
  const organs = useApp.getState().organs;
  const opacity = (i: Intersection) => organs.find((o) => o.id === i.object.userData.organId)?.opacity ?? 1;
  const hit = hits.find((i) => opacity(i) >= OPAQUE_PICK) ?? hits[0]!;
  const id = hit.object.userData.organId as string;
  const face = hit.face;
  const bc = hit.barycoord;
  const pointRas: Vec3 = threeToRas(hit.point.x, hit.point.y, hit.point.z);
  return {
    organId: id,
    name: organs.find((o) => o.id === id)?.name ?? hit.object.name,
    pointRas,
    face: face ? [face.a, face.b, face.c] : [0, 0, 0],
    barycoord: bc ? [bc.x, bc.y, bc.z] : [1, 0, 0],
  };
}
