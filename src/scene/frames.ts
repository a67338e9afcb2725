// The one mapping between world RAS+ mm (our data) and three.js world (Y-up, metres are not used: 1 unit = 1 mm).
// three = (-R, S, A): +X = patient Left, +Y = Superior, +Z = Anterior. A camera on +Z looking at the origin
// therefore sees the patient from the front with the patient's right on the screen's left (radiological
// anterior view). The matrix is a proper rotation (det = +1), so triangle winding and normals are preserved.

export function rasToThree(x: number, y: number, z: number): [number, number, number] {
  return [-x, z, y];
}

export function threeToRas(x: number, y: number, z: number): [number, number, number] {
  return [-x, z, y];
}

/** Converts an xyz-interleaved RAS array into a new three.js-frame array. */
export function rasArrayToThree(src: Float32Array): Float32Array {
  const out = new Float32Array(src.length);
  for (let i = 0; i < src.length; i += 3) {
    out[i] = -src[i]!;
    out[i + 1] = src[i + 2]!;
    out[i + 2] = src[i + 1]!;
  }
  return out;
}
