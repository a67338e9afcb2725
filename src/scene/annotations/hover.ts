// Hover read-out state: the organ under the pointer and an optional value from a registered provider
// (e.g. the active field sampled at the hit). Point in world RAS mm; face = the hit triangle's vertex indices.
import { create } from 'zustand';
import type { Vec3 } from '../../volume/types';

export interface HoverHit {
  organId: string;
  name: string;
  pointRas: Vec3;
  /** Vertex indices of the hit triangle and barycentric weights of the hit point (sum 1). */
  face: [number, number, number];
  barycoord: [number, number, number];
}

/** Returns a display string (value + units) for a hit, or undefined when it has nothing to say. */
export type HoverValueProvider = (hit: HoverHit) => string | undefined;

const providers = new Set<HoverValueProvider>();

/** For the fields engineer: register a provider (e.g. active field value at the hit); returns unregister. */
export function registerHoverValue(p: HoverValueProvider): () => void {
  providers.add(p);
  return () => providers.delete(p);
}

export function hoverValue(hit: HoverHit): string | undefined {
  for (const p of providers) {
    const v = p(hit);
    if (v !== undefined) return v;
  }
  return undefined;
}

interface HoverState {
  hit?: HoverHit;
  value?: string;
  setHit(hit: HoverHit | undefined): void;
}

export const useHover = create<HoverState>((set) => ({
  hit: undefined,
  value: undefined,
  setHit: (hit) => set({ hit, value: hit ? hoverValue(hit) : undefined }),
}));
