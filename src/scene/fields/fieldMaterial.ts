// GPU field rendering: a MeshStandardMaterial patched (onBeforeCompile) to colour each fragment from a per-vertex
// `scalar` attribute through a 256×1 colormap DataTexture, with range uniforms, optional isochrone lines
// (fract(value / interval) with screen-space derivatives → even width in pixels) and an optional per-vertex
// `displacement` attribute (three frame, mm) scaled by a uniform for deformed shapes. Values ≤ −1e29 mean "no
// data" and are drawn neutral grey. Lighting stays physically based; a small emissive share keeps colours legible.
import { DataTexture, DoubleSide, LinearFilter, MeshStandardMaterial, RGBAFormat, SRGBColorSpace, type IUniform } from 'three';
import { colormapLut, type ColormapName } from './colormaps';

export interface FieldUniforms {
  uLut: IUniform<DataTexture>;
  uMin: IUniform<number>;
  uMax: IUniform<number>;
  uIsoInterval: IUniform<number>;
  uIsoWidth: IUniform<number>;
  uDispScale: IUniform<number>;
}

export type FieldMaterial = MeshStandardMaterial & { userData: { field: FieldUniforms } };

const luts = new Map<ColormapName, DataTexture>();

/** Shared 256×1 sRGB LUT texture per colormap (created once, kept for the app's life). */
export function lutTexture(name: ColormapName): DataTexture {
  let t = luts.get(name);
  if (!t) {
    t = new DataTexture(colormapLut(name, 256), 256, 1, RGBAFormat);
    t.colorSpace = SRGBColorSpace;
    t.magFilter = LinearFilter;
    t.minFilter = LinearFilter;
    t.generateMipmaps = false;
    t.needsUpdate = true;
    luts.set(name, t);
  }
  return t;
}

const VERTEX_DECL = /* glsl */ `
attribute float scalar;
attribute vec3 displacement;
uniform float uDispScale;
varying float vScalar;
`;

const FRAGMENT_DECL = /* glsl */ `
uniform sampler2D uLut;
uniform float uMin;
uniform float uMax;
uniform float uIsoInterval;
uniform float uIsoWidth;
varying float vScalar;
`;

const FRAGMENT_COLOR = /* glsl */ `
#include <color_fragment>
{
  vec3 fieldRgb;
  if (vScalar <= -1.0e29) {
    fieldRgb = vec3(0.35);
  } else {
    float span = max(uMax - uMin, 1.0e-20);
    float t = clamp((vScalar - uMin) / span, 0.0, 1.0);
    fieldRgb = texture2D(uLut, vec2(t * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
    if (uIsoInterval > 0.0) {
      float v = vScalar / uIsoInterval;
      float d = abs(fract(v - 0.5) - 0.5) / max(fwidth(v), 1.0e-6);
      float line = 1.0 - smoothstep(0.0, uIsoWidth, d);
      fieldRgb = mix(fieldRgb, vec3(0.02), 0.85 * line);
    }
  }
  diffuseColor.rgb = fieldRgb;
}
`;

/** A new field material; `hasDisplacement` compiles the displacement path (a separate program). */
export function createFieldMaterial(colormap: ColormapName, hasDisplacement: boolean): FieldMaterial {
  const field: FieldUniforms = {
    uLut: { value: lutTexture(colormap) },
    uMin: { value: 0 },
    uMax: { value: 1 },
    uIsoInterval: { value: 0 },
    uIsoWidth: { value: 1.2 },
    uDispScale: { value: 0 },
  };
  const m = new MeshStandardMaterial({ roughness: 0.6, metalness: 0, side: DoubleSide }) as FieldMaterial;
  m.userData.field = field;
  m.emissiveIntensity = 1;
  m.onBeforeCompile = (shader) => {
    Object.assign(shader.uniforms, field);
    shader.vertexShader = VERTEX_DECL + shader.vertexShader.replace(
      '#include <begin_vertex>',
      hasDisplacement
        ? '#include <begin_vertex>\ntransformed += displacement * uDispScale;\nvScalar = scalar;'
        : '#include <begin_vertex>\nvScalar = scalar;',
    );
    shader.fragmentShader = (FRAGMENT_DECL + shader.fragmentShader)
      .replace('#include <color_fragment>', FRAGMENT_COLOR)
      .replace(
        '#include <emissivemap_fragment>',
        '#include <emissivemap_fragment>\ntotalEmissiveRadiance += diffuseColor.rgb * 0.22;',
      );
  };
  m.customProgramCacheKey = () => (hasDisplacement ? 'organ-field-disp' : 'organ-field');
  return m;
}
