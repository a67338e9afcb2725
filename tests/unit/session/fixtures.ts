// Shared fixtures for session unit tests: a session with file names, organs, camera and feature slices, and an
// organ of the app store (grey, sRGB 0..1).
import { SESSION_FORMAT, SESSION_VERSION, type SessionDoc } from '../../../src/app/session/schema';
import type { OrganState } from '../../../src/app/store';

export const organState = (id: string, name: string, label: number): OrganState => ({
  id,
  name,
  label,
  color: [0.5, 0.5, 0.5],
  visible: true,
  opacity: 1,
  triangles: 100,
});

export function sampleSession(): SessionDoc {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: '2026-11-23T19:40:00.000Z',
    sourceName: 'ct.nii.gz + seg-vert.nii.gz',
    sources: [
      { kind: 'file', name: 'ct.nii.gz', role: 'image' },
      { kind: 'file', name: 'seg-vert.nii.gz', role: 'labels' },
    ],
    organs: [
      { name: 'vertebra_L3', label: 22, color: [0.9, 0.85, 0.7], opacity: 1, visible: true },
      { name: 'vertebra_L4', label: 23, color: [0.8, 0.8, 0.6], opacity: 0.35, visible: false },
    ],
    selectedOrgan: 'vertebra_L3',
    camera: { position: [120.5, -33.25, 410.125], target: [1, 2, 3], up: [0, 1, 0], fov: 35 },
    slices: {
      probes: [{ id: 'p1', position: [1.5, 2.5, 3.5] }],
      clipping: { planes: [{ normal: [0, 0, 1], offset: -12.5, enabled: true }] },
      solverParams: { ep: { model: 'aliev-panfilov', dtMs: 0.05 } },
    },
  };
}
