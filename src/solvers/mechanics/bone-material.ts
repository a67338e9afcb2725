// Element material for bone from CT: E from HU through a BoneLaw (materials.ts); HU outside the CT (NaN) counts
// as air. The cortical shell on the vertebral-body rim is added afterwards by applyCorticalShell (cortical-shell.ts).
// Units: HU, MPa. Frame: none (isotropic, element-wise).
import { boneModulusFromHu, MORGAN_2003_VERTEBRA, type BoneLaw } from './materials';

export interface BoneMaterialOptions {
  law?: BoneLaw;
  /** Poisson ratio for every bone element (default the law's, 0.3). */
  nu?: number;
}

/** The `material(hu)` callback of domainFromLabels for bone (−1000 HU → Emin where HU is NaN). */
export function boneMaterial(opts: BoneMaterialOptions = {}): (hu: number) => { E: number; nu: number } {
  const law = opts.law ?? MORGAN_2003_VERTEBRA;
  const nu = opts.nu ?? law.nu;
  return (hu) => ({ E: boneModulusFromHu(Number.isFinite(hu) ? hu : -1000, law), nu });
}
