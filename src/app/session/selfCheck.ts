// In-page self checks used by the egress/CSP browser test: prove that, under the page's Content-Security-Policy,
// gpu.js kernels (which compile with new Function), WebAssembly and cross-origin isolation still work.
// Unitless; results are plain JSON for window.__organTwin.

/** Runs a gpu.js axpy on `backend` in this page and compares with the plain-TS reference. */
export async function gpuCheck(backend: 'webgl2' | 'webasm' | 'cpu' = 'webgl2'): Promise<{
  backend: string;
  maxError: number;
  n: number;
}> {
  const c = await import('../../solvers/compute');
  const compute = await c.createCompute(backend);
  try {
    const n = 4096;
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.5));
    const ops = c.createVectorOps(compute, n);
    const got = await ops.axpy(1.5, x, y);
    const want = c.axpyRef(1.5, x, y);
    let maxError = 0;
    for (let i = 0; i < n; i++) maxError = Math.max(maxError, Math.abs(got[i]! - want[i]!));
    ops.destroy();
    return { backend: compute.info.backend, maxError, n };
  } finally {
    compute.destroy();
  }
}

/** Instantiates a hand-assembled WebAssembly module exporting add(i32, i32) and calls it. */
export async function wasmCheck(): Promise<number> {
  // (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
  const bytes = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f,
    0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07,
    0x00, 0x20, 0x00, 0x20, 0x01, 0x6a, 0x0b,
  ]);
  const { instance } = await WebAssembly.instantiate(bytes);
  return (instance.exports.add as (a: number, b: number) => number)(40, 2);
}

/** Tries a request to another origin; returns how it failed (CSP violations are reported by the event). */
export async function foreignFetch(
  url: string,
): Promise<{ blocked: boolean; violation?: string; error?: string }> {
  let violation: string | undefined;
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    violation = `${e.effectiveDirective} blocked ${e.blockedURI}`;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    await fetch(url, { mode: 'no-cors' });
    return { blocked: false };
  } catch (err) {
    await new Promise((r) => setTimeout(r, 50)); // the violation event is queued after the rejection
    return { blocked: true, violation, error: err instanceof Error ? err.message : String(err) };
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}
