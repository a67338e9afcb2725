// Backend discovery: which gpu.js backends can run in this realm (Node, page or Web Worker) and whether a real
// GPU answers. SwiftShader (WebGL UNMASKED_RENDERER_WEBGL) and WebGPU fallback adapters are software: available,
// but not a real GPU. No DOM use beyond OffscreenCanvas (works in workers). No units.
import { GPU } from 'gpu.js';
import type { BackendName, BackendProbe } from './types';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic/i;

interface GlLike {
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
  getParameter(p: number): unknown;
  RENDERER: number;
  MAX_TEXTURE_SIZE: number;
}

/** WebGL2 renderer string and MAX_TEXTURE_SIZE via an OffscreenCanvas, or undefined where there is none. */
export function probeWebGl2(): { renderer: string; maxTextureSize: number } | undefined {
  const OC = (
    globalThis as { OffscreenCanvas?: new (w: number, h: number) => { getContext(k: string): unknown } }
  ).OffscreenCanvas;
  if (!OC) return undefined;
  try {
    const gl = new OC(1, 1).getContext('webgl2') as GlLike | null;
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return { renderer, maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) };
  } catch {
    return undefined;
  }
}

interface AdapterLike {
  info?: { isFallbackAdapter?: boolean; description?: string; vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
}

/** The WebGPU adapter, if navigator.gpu answers one; with its fallback flag and a description. */
export async function probeWebGpu(): Promise<{ fallback: boolean; description: string } | undefined> {
  const nav = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<AdapterLike | null> } } })
    .navigator;
  if (!nav?.gpu) return undefined;
  try {
    const adapter = await nav.gpu.requestAdapter();
    if (!adapter) return undefined;
    const info = adapter.info ?? {};
    const description =
      [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown';
    const fallback =
      Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || SOFTWARE_RENDERER.test(description);
    return { fallback, description };
  } catch {
    return undefined;
  }
}

/** Lists the backends that can run here. 'js' and 'cpu' always can. */
export async function probeBackends(): Promise<BackendProbe> {
  const available: BackendName[] = ['js', 'cpu'];
  const notes: string[] = [];
  let realGpu = false;
  let renderer: string | undefined;
  if (GPU.isWebAssemblySupported) available.push('webasm');
  else notes.push('webasm: WebAssembly not supported');
  const gl = probeWebGl2();
  if (gl) {
    available.push('webgl2');
    renderer = gl.renderer;
    if (SOFTWARE_RENDERER.test(gl.renderer)) notes.push(`webgl2: software renderer (${gl.renderer})`);
    else realGpu = true;
  } else notes.push('webgl2: no WebGL2 context (Node, or WebGL disabled)');
  const gpu = await probeWebGpu();
  if (gpu) {
    available.push('webgpu');
    if (gpu.fallback) notes.push(`webgpu: fallback adapter (${gpu.description})`);
    else realGpu = true;
    renderer ??= gpu.description;
  } else notes.push('webgpu: no adapter');
  return { available, realGpu, renderer, notes };
}

export { SOFTWARE_RENDERER };
