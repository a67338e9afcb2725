// Bridge from UI outside the Canvas to the demand-driven render loop: the organ field hook registers the
// Canvas' invalidate() here so the timeline (play/scrub) and streaming solvers can request a redraw.
export const fieldCommands: { invalidate?: () => void } = {};

export function requestFieldRedraw(): void {
  fieldCommands.invalidate?.();
}
