// Test hook for the error boundaries: a per-area switch that makes a small component inside that area throw
// during render (as a broken panel or a failed WebGL canvas would), flipped from window.__organTwin
// (breakRender / fixRender, see session/debug.ts). Never set by the app itself. No units.
import { create } from 'zustand';

export type RenderArea = 'view' | 'panels';

export const useRenderFaults = create<Record<RenderArea, boolean>>(() => ({ view: false, panels: false }));

export function setRenderFault(area: RenderArea, broken: boolean): void {
  useRenderFaults.setState({ [area]: broken });
}
