// Keyboard shortcuts of the viewer (ignored while typing in a form field). The table is also what the help
// panel lists, so the two never disagree.
import { cameraCommands, type ViewName } from '../../scene/CameraRig';
import { useTools } from '../tools/toolStore';
import { addClipPlane } from '../tools/ClipControls';
import { toggleTool } from '../tools/MeasureControls';
import { screenshot } from '../tools/output';

const VIEWS: ViewName[] = ['anterior', 'posterior', 'left', 'right', 'superior', 'inferior'];

export interface Shortcut {
  keys: string;
  what: string;
  run(): void;
}

const tools = () => useTools.getState();

export const SHORTCUTS: Shortcut[] = [
  { keys: 'F', what: 'Fit the organs in view', run: () => cameraCommands.fit?.('anterior') },
  ...VIEWS.map((v, i) => ({ keys: String(i + 1), what: `View from ${v}`, run: () => cameraCommands.fit?.(v) })),
  { keys: 'M', what: 'Measure a distance (2 clicks)', run: () => toggleTool('distance') },
  { keys: 'A', what: 'Measure an angle (3 clicks)', run: () => toggleTool('angle') },
  {
    keys: 'C',
    what: 'Add an axial clipping plane (again: remove all planes)',
    run: () => (tools().clipPlanes.length ? tools().clipPlanes.forEach((p) => tools().removeClipPlane(p.id)) : addClipPlane('axial')),
  },
  { keys: 'V', what: 'Show or hide the slice views', run: () => tools().set({ showSlices: !tools().showSlices }) },
  { keys: 'L', what: 'Show or hide anatomy labels', run: () => tools().set({ showLabels: !tools().showLabels }) },
  { keys: 'S', what: 'Save a PNG screenshot', run: screenshot },
  { keys: 'H', what: 'Show or hide this help', run: () => tools().set({ showHelp: !tools().showHelp }) },
  { keys: 'Esc', what: 'Stop the current tool / close help', run: () => { tools().setMode('none'); tools().set({ showHelp: false }); } }, // prettier-ignore
];

function keyName(e: KeyboardEvent): string {
  return e.key === 'Escape' ? 'Esc' : e.key.length === 1 ? e.key.toUpperCase() : e.key;
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) && (t as HTMLInputElement).type !== 'range' && (t as HTMLInputElement).type !== 'checkbox') return;
    const s = SHORTCUTS.find((x) => x.keys === keyName(e));
    if (!s) return;
    e.preventDefault();
    s.run();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
