// Capture/apply against the real app store: organ display parameters survive capture -> JSON -> apply by
// name onto a freshly loaded scene with new ids; file sources are derived from the header label; a session
// naming a file that is not loaded reports it as missing.
import { describe, expect, it } from 'vitest';
import { useApp } from '../../../src/app/store';
import { organState } from './fixtures';
import {
  applyOrgans,
  captureSession,
  missingFiles,
  sceneMatches,
  setCameraAccess,
  sourcesFromName,
} from '../../../src/app/session/capture';
import { parseSession, serializeSession } from '../../../src/app/session/validate';
import type { SessionCamera } from '../../../src/app/session/schema';

describe('session capture/apply', () => {
  it('derives sources from the header label', () => {
    expect(sourcesFromName('phantom@1.5mm')).toEqual([{ kind: 'phantom', name: 'phantom@1.5mm' }]);
    expect(sourcesFromName('ct.nii.gz + seg.nii.gz').map((s) => s.name)).toEqual(['ct.nii.gz', 'seg.nii.gz']);
    expect(sourcesFromName('')).toEqual([]);
  });

  it('restores organ states by name onto new ids, and the camera through the accessor', () => {
    let cam: SessionCamera = { position: [1, 2, 3], target: [0, 0, 0], up: [0, 1, 0], fov: 35 };
    setCameraAccess({ get: () => cam, set: (c) => (cam = c) });
    useApp.getState().setScene('ct.nii.gz', [organState('a:1', 'heart', 1), organState('a:2', 'lung_left', 2)]);
    useApp.getState().updateOrgan('a:2', { visible: false, opacity: 0.4, color: [0.1, 0.2, 0.3] });
    useApp.getState().select('a:1');
    const saved = parseSession(serializeSession(captureSession()));
    expect(saved.sources).toEqual([{ kind: 'file', name: 'ct.nii.gz' }]);
    expect(saved.camera).toEqual(cam);

    useApp.getState().setScene('ct.nii.gz', [organState('b:1', 'heart', 1), organState('b:2', 'lung_left', 2)]);
    expect(sceneMatches(saved)).toBe(true);
    expect(applyOrgans(saved)).toEqual({ applied: 2, unmatched: [] });
    const lung = useApp.getState().organs.find((o) => o.name === 'lung_left')!;
    expect(lung).toMatchObject({ visible: false, opacity: 0.4, color: [0.1, 0.2, 0.3] });
    expect(useApp.getState().selectedId).toBe('b:1');
    setCameraAccess(undefined);
  });

  it('names the files a session needs that are not loaded', () => {
    useApp.getState().setScene('phantom@1.5mm', [organState('p:1', 'heart', 1)]);
    const doc = parseSession(
      serializeSession({
        ...captureSession(),
        sourceName: 'ct.nii.gz',
        sources: sourcesFromName('ct.nii.gz'),
      }),
    );
    expect(sceneMatches(doc)).toBe(false);
    expect(missingFiles(doc)).toEqual(['ct.nii.gz']);
  });
});
