// Extra stress outputs of the viewer (solver worker): strain and strain-energy fields averaged to the element
// grid's nodes, in display units, for sampling onto the organ mesh next to von Mises / max principal / |u|, and
// the fracture-risk indicator for bone. Units: strain in % (mm/mm × 100), strain energy density in kJ/m³ for
// bone (MPa = mJ/mm³ = 1000 kJ/m³) and J/m³ for soft tissue. Frame: principal values are frame-free.
import * as M from '../../solvers/mechanics';

export interface NodeField {
  name: string;
  units: string;
  /** One value per node of the element grid (display units). */
  values: Float32Array;
}

/** A per-vertex surface field (display units; −1e30 = no data). */
export interface SurfaceField {
  name: string;
  units: string;
  values: Float32Array;
}

/** Field names in the order the panel lists them. */
export const EXTRA_FIELD_NAMES = [
  'principal strain ε1',
  'principal strain ε3',
  'strain energy density',
] as const;

function principalComponent(ef: M.ElementFields, c: number, scale: number): Float32Array {
  const n = ef.sed.length;
  const out = new Float32Array(n);
  for (let e = 0; e < n; e++) out[e] = ef.principalStrain[3 * e + c]! * scale;
  return out;
}

/** ε1 and ε3 (%) and SED (kJ/m³ for bone, J/m³ otherwise), node-averaged. */
export function extraNodeFields(mesh: M.HexMesh, ef: M.ElementFields, bone: boolean): NodeField[] {
  const sedScale = bone ? 1e3 : 1e6;
  const sed = Float32Array.from(ef.sed, (v) => v * sedScale);
  return [
    {
      name: EXTRA_FIELD_NAMES[0],
      units: '%',
      values: M.averageToNodes(mesh, principalComponent(ef, 0, 100), 1),
    },
    {
      name: EXTRA_FIELD_NAMES[1],
      units: '%',
      values: M.averageToNodes(mesh, principalComponent(ef, 2, 100), 1),
    },
    { name: EXTRA_FIELD_NAMES[2], units: bone ? 'kJ/m³' : 'J/m³', values: M.averageToNodes(mesh, sed, 1) },
  ];
}

export interface FractureRisk {
  /** Fraction (0..1) of the bone volume whose principal strains exceed the yield strains. */
  fractionAboveYield: number;
  /** Yield strains (mm/mm) and their source. */
  compressive: number;
  tensile: number;
  source: string;
}

/** Morgan & Keaveny 2001 vertebral trabecular yield strains (0.77 % compressive, 0.70 % tensile). */
export function fractureRisk(ef: M.ElementFields): FractureRisk {
  const y = M.VERTEBRA_YIELD_STRAIN;
  return {
    fractionAboveYield: M.fractionAboveYield(ef, y.compressive, y.tensile),
    compressive: y.compressive,
    tensile: y.tensile,
    source: 'Morgan & Keaveny 2001, J Biomech 34:569 (vertebral trabecular bone)',
  };
}

/** Every per-vertex array of one mesh's stress output (for the worker's transfer list). */
export function stressFieldArrays(f: object & { extra?: SurfaceField[] }): Float32Array[] {
  const own = Object.values(f as Record<string, unknown>).filter(
    (v): v is Float32Array => v instanceof Float32Array,
  );
  return [...own, ...(f.extra ?? []).map((x) => x.values)];
}
