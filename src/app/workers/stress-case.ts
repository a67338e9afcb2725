// Load cases of the viewer's stress presets (solver worker) with the user's picked regions (world RAS spheres,
// radius mm, at least one element): the mechanics presets supply the defaults (world-normal endplates, cavity
// faces, whole pleural surface with 3-2-1 supports) and a pick replaces the preset's region:
// - vertebra compression: the axial force (N) is spread over the picked loaded region; picked fixed region clamped;
// - vertebra flexion: the moment (N·m) acts on the picked loaded region, about the world left-right axis through
//   its centroid (linearly varying traction along world z); picked fixed region clamped;
// - ventricle: the cavity pressure (kPa) acts on the picked region; picked fixed region replaces the basal layer;
// - lung: the transpulmonary pressure acts on the picked region, which then needs a picked fixed region too (a
//   pressure on part of the surface is not self-balanced, so the preset's 3-2-1 supports cannot carry it).
// pickNote says in words what a pick does (shown in the stress panel). Units: N, N·m, kPa in; MPa, N·mm inside.
import * as M from '../../solvers/mechanics';
import type { Region, StressParams, StressPreset } from './solver-stress-run';

type Picks = { loadRegion?: Region; fixedRegion?: Region };

/** What the picks do for this preset (undefined = no pick). An `error` pick blocks the run. */
export function pickNote(preset: StressPreset, picks: Picks): { text: string; error?: boolean } | undefined {
  const { loadRegion: l, fixedRegion: f } = picks;
  if (!l && !f) return undefined;
  const fixedText = f ? 'the picked fixed region is clamped' : '';
  const join = (a: string) => [a, fixedText].filter(Boolean).join('; ');
  if (preset === 'lung-inflation' && l && !f)
    return {
      text: 'a loaded region on the lung needs a fixed region too: pressure on part of the surface is not balanced, so the whole-surface 3-2-1 supports cannot carry it — pick a fixed region',
      error: true,
    };
  const loadText: Record<StressPreset, string> = {
    'vertebra-compression': 'the axial force is spread over the picked loaded region',
    'vertebra-flexion':
      'the flexion moment acts on the picked loaded region, about the left-right axis through its centre',
    'ventricle-pressure': 'the cavity pressure acts on the picked loaded region',
    'lung-inflation': 'the transpulmonary pressure acts on the picked loaded region only',
  };
  return { text: join(l ? loadText[preset] : '') };
}

export function buildStressCase(
  domain: M.HexDomain & { labelAt(i: number, j: number, k: number): number },
  p: StressParams,
): {
  problem: M.ElasticProblem;
  description: string;
} {
  const sphere = (r: Region) => ({ points: r.ras, radiusMm: Math.max(r.radiusMm, p.elementMm) });
  const picked = (r: Region) => {
    const faces = M.facesNearPoints(domain, r.ras, Math.max(r.radiusMm, p.elementMm));
    if (faces.length === 0)
      throw new Error(
        'stress: the picked loaded region touches no surface of the organ (move it or enlarge r)',
      );
    return faces;
  };
  const note = pickNote(p.preset, p);
  if (note?.error) throw new Error(`stress: ${note.text}`);
  const userNote = note ? ` (${note.text})` : '';
  if (p.preset === 'vertebra-compression' || p.preset === 'vertebra-flexion') {
    const flex = p.preset === 'vertebra-flexion';
    const base = M.vertebraCase(domain, flex ? { momentNmm: p.load * 1000 } : { forceN: p.load });
    const what = flex ? `flexion moment ${p.load} N·m` : `axial compression ${p.load} N`;
    if (!note)
      return { problem: base, description: `${what} on the superior endplate, inferior endplate fixed` };
    const loaded = p.loadRegion ? picked(p.loadRegion) : base.loadedFaces;
    const supports = [{ region: p.fixedRegion ? sphere(p.fixedRegion) : { faces: base.supportFaces } }];
    const problem = M.customLoadCase(
      domain,
      flex ? [] : [{ region: { faces: loaded }, forceN: [0, 0, -p.load] }],
      supports,
    );
    // flexion = anterior side compressed: moment about world −x (RAS), traction along world z (as vertebraCase)
    if (flex)
      M.addBendingMoment(domain, problem.mesh, loaded, problem.force, p.load * 1000, [-1, 0, 0], [0, 0, 1]);
    return { problem, description: `${what}${userNote}` };
  }
  const pMPa = p.load / 1000;
  if (p.preset === 'ventricle-pressure') {
    const base = M.cavityPressureCase(domain, p.cavityLabel !== undefined ? [p.cavityLabel] : [], pMPa);
    if (!note)
      return { problem: base, description: `cavity pressure ${p.load} kPa on the endocardium, base fixed` };
    const problem = M.customLoadCase(
      domain,
      [{ region: { faces: p.loadRegion ? picked(p.loadRegion) : base.loadedFaces }, pressureMPa: pMPa }],
      p.fixedRegion ? [{ region: sphere(p.fixedRegion) }] : [],
    );
    if (!p.fixedRegion) problem.fixed.set(base.fixed);
    return { problem, description: `cavity pressure ${p.load} kPa${userNote}` };
  }
  const base = M.surfacePressureCase(domain, -pMPa);
  if (!note)
    return {
      problem: base,
      description: `transpulmonary pressure ${p.load} kPa on the pleural surface (3-2-1 supports)`,
    };
  const loaded = p.loadRegion ? picked(p.loadRegion) : base.loadedFaces;
  const problem = M.customLoadCase(
    domain,
    [{ region: { faces: loaded }, pressureMPa: -pMPa }],
    [{ region: sphere(p.fixedRegion!) }],
  );
  return { problem, description: `transpulmonary pressure ${p.load} kPa${userNote}` };
}
