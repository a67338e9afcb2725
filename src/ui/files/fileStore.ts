// State of the "open scan" flow: the summary of a scan read by the worker and waiting for the user's label
// choice (dialog open while present). Small values only; voxel data stays in the worker.
import { create } from 'zustand';
import type { ScanSummary } from '../../app/workers/scan';

interface FileState {
  summary?: ScanSummary;
  setSummary(summary: ScanSummary | undefined): void;
}

export const useFiles = create<FileState>((set) => ({
  summary: undefined,
  setSummary: (summary) => set({ summary }),
}));
