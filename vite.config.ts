// Vite config for the organ twin viewer app.
// - Cross-origin isolation headers (COOP/COEP) so gpu.js webasm threads get SharedArrayBuffer.
// - A Content-Security-Policy that allows only this origin (plus blob:/wasm for workers and gpu.js).
// - Minifier settings that keep gpu.js WebGL kernels compilable (see TOOLCHAIN.md gotcha 1).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders, fs: { allow: ['.', '../shared/data'] } },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { main: 'index.html', compute: 'compute.html' },
      output: {
        minify: { compress: { joinVars: false, sequences: false } },
      },
    },
  },
});
