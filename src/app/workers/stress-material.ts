// Element materials for the viewer's stress presets (solver worker): bone from HU through the chosen Morgan 2003
// law and density calibration (vertebra presets, material 'hu') plus the cortical shell on the vertebral-body
// rim when the scan has a VerSe sub-region map, tissue defaults for myocardium and lung, or a uniform E/ν.
// Units: HU, g/cm³, MPa, mm. No frame. The laws and their sources are in src/solvers/mechanics.
import {
  boneLaw,
  boneMaterial,
  checkCorticalShell,
  CORTICAL_SHELL,
  describeBoneLaw,
  LUNG_PARENCHYMA,
  MYOCARDIUM,
} from '../../solvers/mechanics';
import type { BoneLawName, CorticalShell } from '../../solvers/mechanics';

/** HU→E law of the stress panel: a Morgan 2003 site and ρ_app = densityA + densityB·HU (g/cm³). */
export interface BoneLawParams {
  name: BoneLawName;
  densityA: number;
  densityB: number;
}

/** Cortical shell of the stress panel (MPa, mm). */
export interface CorticalParams {
  E_MPa: number;
  thicknessMm: number;
}

export interface MaterialParams {
  preset: string;
  material: 'hu' | 'uniform';
  E_MPa: number;
  nu: number;
  boneLaw?: BoneLawParams;
  /** Shell on rim elements (HU-based bone only); undefined = default 12 000 MPa / 0.35 mm, null = off. */
  cortical?: CorticalParams | null;
}

export interface StressMaterial {
  material: (hu: number, label: number) => { E: number; nu: number };
  /** Whether the CT's HU are needed. */
  needsImage: boolean;
  /** Shell to mix into rim elements once the domain is built (applyCorticalShell), or null. */
  cortical: CorticalShell | null;
  /** One line for the result summary. */
  note: string;
}

export function stressMaterial(p: MaterialParams): StressMaterial {
  const bone = p.preset.startsWith('vertebra');
  if (p.material === 'uniform')
    return {
      material: () => ({ E: p.E_MPa, nu: p.nu }),
      needsImage: false,
      cortical: null,
      note: `uniform E = ${p.E_MPa} MPa, ν = ${p.nu}`,
    };
  if (!bone) {
    const m = p.preset === 'lung-inflation' ? LUNG_PARENCHYMA : MYOCARDIUM;
    return {
      material: () => m,
      needsImage: false,
      cortical: null,
      note: `tissue default E = ${m.E * 1000} kPa, ν = ${m.nu}`,
    };
  }
  const b = p.boneLaw;
  const law = boneLaw(b?.name ?? 'vertebra', b ? { a: b.densityA, b: b.densityB } : undefined);
  const c = p.cortical;
  const cortical =
    c === undefined ? CORTICAL_SHELL : c && checkCorticalShell({ E: c.E_MPa, thicknessMm: c.thicknessMm });
  return { material: boneMaterial({ law }), needsImage: true, cortical, note: describeBoneLaw(law) };
}
