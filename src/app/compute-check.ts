// Browser-side compute check page (compute.html): runs the gpu.js kernel parity suite in the page and
// exposes the result as window.__computeCheck for the Playwright browser tests. Filled in by the compute layer.
export {};
(window as unknown as { __computeCheck: unknown }).__computeCheck = { pending: true };
