// Element materials for the viewer's stress presets (solver worker): bone from HU through the chosen Morgan 2003
// law and density calibration (vertebra presets, material 'hu'), tissue defaults for myocardium and lung, or a
// uniform E/ν. Units: HU, g/cm³, MPa, mm. No frame. The laws and their sources are in src/solvers/mechanics.
import { boneLaw, boneMaterial, describeBoneLaw, LUNG_PARENCHYMA, MYOCARDIUM } from '../../solvers/mechanics';
import type { BoneLawName } from '../../solvers/mechanics';

/** HU→E law of the stress panel: a Morgan 2003 site and ρ_app = densityA + densityB·HU (g/cm³). */
export interface BoneLawParams {
  name: BoneLawName;
  densityA: number;
  densityB: number;
}

export interface MaterialParams {
  preset: string;
  material: 'hu' | 'uniform';
  E_MPa: number;
  nu: number;
  elementMm: number;
  boneLaw?: BoneLawParams;
}

export interface StressMaterial {
  material: (hu: number, label: number) => { E: number; nu: number };
  /** Whether the CT's HU are needed. */
  needsImage: boolean;
  /** One line for the result summary. */
  note: string;
}

export function stressMaterial(p: MaterialParams): StressMaterial {
  const bone = p.preset.startsWith('vertebra');
  if (p.material === 'uniform')
    return {
      material: () => ({ E: p.E_MPa, nu: p.nu }),
      needsImage: false,
      note: `uniform E = ${p.E_MPa} MPa, ν = ${p.nu}`,
    };
  if (!bone) {
    const m = p.preset === 'lung-inflation' ? LUNG_PARENCHYMA : MYOCARDIUM;
    return {
      material: () => m,
      needsImage: false,
      note: `tissue default E = ${m.E * 1000} kPa, ν = ${m.nu}`,
    };
  }
  const b = p.boneLaw;
  const law = boneLaw(b?.name ?? 'vertebra', b ? { a: b.densityA, b: b.densityB } : undefined);
  return {
    material: boneMaterial({ elementMm: p.elementMm, law }),
    needsImage: true,
    note: describeBoneLaw(law),
  };
}
