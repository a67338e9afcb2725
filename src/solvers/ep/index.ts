// Monodomain cardiac electrophysiology on a compacted voxel grid (mV, ms, mm world RAS; σ S/m, χ 1/cm, C_m µF/cm²).
//
// Public API
//   slabDomain(Lx, Ly, Lz, dxMm) / sheetDomain(Lx, Ly, dxMm) / cableDomain(L, dxMm) / gridFromMask(...) → EpGrid
//   epDomainFromLabels(labels: Volume, values: number[], dxMm, opts?) → EpGrid (resampled, rule-based fibres,
//       opts.repairConnectivity: face bridges + largest piece, connectivity.ts)
//   myocardiumFromCt(ct, heartLabels, values) → { labels (1 myocardium, 2 blood pool, on the CT grid), report }
//   tuneConductivity({ model, dxMm, dtMs, conductivity, targetCv? }) → σ per direction giving the target CV on
//       this grid (tune.ts; Costa et al. 2013); cableCv / referenceCv for the cable CVs behind it
//   pacingTrain / s1s2Protocol / edgeRegion / crossFieldRegion / lowestTissuePoint (pacing.ts)
//   cvFromActivation(grid, act) → local CV medians from the activation map (cv.ts; volume domains)
//   runEp(cfg: EpConfig, compute: Compute, cb?: { onFrame(tMs, vm), onProgress(f), signal, frameEveryMs })
//       → Promise<EpResult> { status, activationMs, apd90Ms (compact, NaN = never), vm, probes, ecg,
//         totalActivationMs, lastActivationMs, cvAlongFibreMmPerMs?, backend, backendNote?, wallMs, steps, grid }
//   Per-cell arrays are compact (index c ↔ grid voxel grid.cells[c]); toGridArray(grid, a) scatters them.
//   Models: 'ms' Mitchell-Schaeffer, 'ap' Aliev-Panfilov, 'fk' Fenton-Karma (BR), 'tnnp' ten Tusscher 2006 epi.
//   Stimuli/lesions in world mm (protocol.ts); stability limit checked before running (stencil.ts); memory
//   budget checked before any grid or run allocation (budget.ts, BudgetError with what to change).
export * from './grid';
export { checkEpBudget, epBudgetBytes, epRunBytes, type EpBudgetRequest } from './budget';
export * from './protocol';
export * from './stencil';
export * from './run';
export * from './models';
export { ActivationTracker, PseudoEcg, seriesUpcrossings, type EcgLead, type ProbeSeries } from './outputs';
export { jsStepper, gpuStepper, gpuSupportsModel, type Stepper } from './stepper';
export { packStencil, applyPacked, type PackedStencil } from './packed';
export { epDomainFromLabels, type LabelDomainOptions } from './labels';
export { ruleBasedFibres, HELIX_ENDO_DEG, HELIX_EPI_DEG } from './fibres';
export {
  bridgeDiagonalContacts,
  keepLargestComponent,
  repairConnectivity,
  type ConnectivityReport,
} from './connectivity';
export {
  myocardiumFromCt,
  FAT_MAX_HU,
  MYOCARDIUM_VALUE,
  BLOOD_POOL_VALUE,
  type MyocardiumReport,
  type MyocardiumOptions,
} from './myocardium';
export {
  tuneConductivity,
  cableCv,
  referenceCv,
  TUNE_TOL,
  type CvPair,
  type TuneOptions,
  type TunedConductivity,
} from './tune';
export * from './pacing';
export { cvFromActivation, type CvEstimate } from './cv';
