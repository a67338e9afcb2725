// WebGL context loss in the 3D view (GPU driver reset, the browser reclaiming contexts from too many WebGL
// pages): three.js keeps the context restorable (it calls preventDefault on "webglcontextlost") and re-creates
// its GPU state on "webglcontextrestored"; this component tells the user what happened, asks for a frame once the
// context is back (frameloop="demand" would otherwise leave the view blank), and marks the state on the document
// (data-gl-context = lost | restored) for tests. Nothing in the store or session depends on the GPU context.
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useApp } from '../app/store';

export function ContextWatch() {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const canvas = gl.domElement;
    const lost = () => {
      document.body.dataset.glContext = 'lost';
      useApp
        .getState()
        .notify('error', '3D view: the GPU context was lost (driver reset or too many WebGL pages). Waiting for the browser to restore it; organs, fields and the session are kept.');
    };
    const restored = () => {
      document.body.dataset.glContext = 'restored';
      invalidate();
      useApp.getState().notify('info', '3D view: the GPU context is back and the view was redrawn.');
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, invalidate]);
  return null;
}
