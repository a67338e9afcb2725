// Adapter from our SurfaceMesh (world RAS mm) to a three.js BufferGeometry (three frame, see frames.ts).
// The only place where mesh data becomes three.js objects.
import { BufferAttribute, BufferGeometry } from 'three';
import type { SurfaceMesh } from '../meshes/types';
import { rasArrayToThree } from './frames';

export function toGeometry(mesh: SurfaceMesh): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(rasArrayToThree(mesh.positions), 3));
  g.setIndex(new BufferAttribute(mesh.indices, 1));
  if (mesh.normals && mesh.normals.length === mesh.positions.length) {
    g.setAttribute('normal', new BufferAttribute(rasArrayToThree(mesh.normals), 3));
  } else {
    g.computeVertexNormals();
  }
  g.computeBoundingSphere();
  g.computeBoundingBox();
  return g;
}
