// Application state (zustand): organ ids with display parameters, long-task progress and user-facing messages.
// Holds no big buffers (those live in meshRegistry). Units: opacity 0..1, colours sRGB 0..1.
import { create } from 'zustand';

export interface OrganState {
  id: string;
  name: string;
  label?: number;
  color: [number, number, number];
  visible: boolean;
  opacity: number;
  triangles: number;
  volumeMl?: number;
}

export interface TaskState {
  id: string;
  title: string;
  fraction: number;
  message: string;
  cancel?: () => void;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface AppState {
  sourceName: string;
  organs: OrganState[];
  selectedId?: string;
  tasks: TaskState[];
  notices: Notice[];
  setScene(sourceName: string, organs: OrganState[]): void;
  updateOrgan(id: string, patch: Partial<OrganState>): void;
  select(id: string | undefined): void;
  startTask(task: TaskState): void;
  progressTask(id: string, fraction: number, message: string): void;
  endTask(id: string): void;
  notify(kind: Notice['kind'], text: string): void;
  dismiss(id: number): void;
}

let noticeId = 0;

export const useApp = create<AppState>((set) => ({
  sourceName: '',
  organs: [],
  tasks: [],
  notices: [],
  setScene: (sourceName, organs) => set({ sourceName, organs, selectedId: undefined }),
  updateOrgan: (id, patch) => set((s) => ({ organs: s.organs.map((o) => (o.id === id ? { ...o, ...patch } : o)) })),
  select: (selectedId) => set({ selectedId }),
  startTask: (task) => set((s) => ({ tasks: [...s.tasks.filter((t) => t.id !== task.id), task] })),
  progressTask: (id, fraction, message) =>
    set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? { ...t, fraction, message } : t)) })),
  endTask: (id) => set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) })),
  notify: (kind, text) => set((s) => ({ notices: [...s.notices, { id: ++noticeId, kind, text }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
