// Small zustand store for the session UI: the "Restored previous session" banner, files the session still
// needs, and the last autosave time. Holds no patient data.
import { create } from 'zustand';

export type RestoreOrigin = 'autosave' | 'file' | 'link';

export interface SessionBanner {
  origin: RestoreOrigin;
  /** What was restored, e.g. "Restored previous session (saved 19:42)". */
  text: string;
  /** Files the session needs that are not loaded ("re-open ct.nii.gz to restore the scan"). */
  missing: string[];
}

interface SessionUiState {
  banner?: SessionBanner;
  lastAutosave?: string;
  autosaveError?: string;
  setBanner(b: SessionBanner | undefined): void;
  setAutosave(at: string | undefined, error?: string): void;
}

export const useSessionUi = create<SessionUiState>((set) => ({
  setBanner: (banner) => set({ banner }),
  setAutosave: (lastAutosave, autosaveError) => set({ lastAutosave, autosaveError }),
}));
