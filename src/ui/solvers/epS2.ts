// What an S1-S2 EP run says about its S2 extrastimulus, from the run summary: S2 captured when its wave
// re-excited tissue that the S1 wave had already activated (a second activation), not when it fell on refractory
// tissue (then only cells under the electrode respond, during the pulse); re-excitation twice after S2 is named
// re-entry. The EP panel shows the text. Units ms; fractions of the tissue cells.
import type { EpSummary } from '../../app/workers/solver-ep-run';

type S2Inputs = Pick<EpSummary, 's2StartMs' | 'secondActivationFraction' | 'reactivatedFraction'>;

/**
 * Share of the tissue that must activate a second time for "captured". A refractory S2 site re-excites at most
 * the cells under and next to the electrode (a 4-6 mm sphere: well under 1 % of a heart at dx 2-3 mm); a
 * propagated premature wave reaches tens of percent.
 */
export const S2_CAPTURE_FRACTION = 0.05;
/** Fraction of tissue upcrossing twice after the last stimulus that counts as re-entry in the read-out. */
const REENTRY_FRACTION = 0.01;

export interface S2Report {
  captured: boolean;
  text: string;
}

/** S2 read-out; undefined for a run without S2. */
export function s2Report(s: S2Inputs): S2Report | undefined {
  if (s.s2StartMs === undefined) return undefined;
  const at = `S2 at ${s.s2StartMs.toFixed(0)} ms`;
  const pct = (f: number) => `${(100 * f).toFixed(0)} %`;
  if (!(s.secondActivationFraction >= S2_CAPTURE_FRACTION))
    return { captured: false, text: `${at}: no capture (${pct(s.secondActivationFraction)} activated again; tissue at the site still refractory)` };
  const reentry = s.reactivatedFraction >= REENTRY_FRACTION ? `; ${pct(s.reactivatedFraction)} excited twice after S2 (re-entry)` : '';
  return { captured: true, text: `${at}: captured, ${pct(s.secondActivationFraction)} of the tissue activated a second time${reentry}` };
}
