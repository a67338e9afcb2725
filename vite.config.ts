// Vite config for the organ twin viewer app.
// - Cross-origin isolation headers (COOP/COEP) so gpu.js webasm threads get SharedArrayBuffer.
// - A Content-Security-Policy that allows only this origin (plus blob:/wasm for workers and gpu.js).
// - Minifier settings that keep gpu.js WebGL kernels compilable (see TOOLCHAIN.md gotcha 1), for the page
//   bundles and the worker bundles alike (the solver worker runs gpu.js kernels too).
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The CSP lives in index.html's meta tag (one source). `vite preview` also sends it as a header, because a
// meta tag does not cover Web Workers (a worker takes its policy from its own script's response headers).
const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
  readFileSync(new URL('./index.html', import.meta.url), 'utf8'),
)?.[1];
const kernelSafeMinify = { compress: { joinVars: false, sequences: false } };
const previewHeaders = csp ? { ...isolationHeaders, 'Content-Security-Policy': csp } : isolationHeaders;

export default defineConfig({
  plugins: [react()],
  server: { headers: isolationHeaders, fs: { allow: ['.', '../shared/data'] } },
  preview: { headers: previewHeaders },
  worker: { format: 'es', rolldownOptions: { output: { minify: kernelSafeMinify } } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { main: 'index.html', compute: 'compute.html' },
      output: {
        minify: kernelSafeMinify,
      },
    },
  },
});
