// Public face of the help UI: help overlay (also installs the keyboard shortcuts) and the shortcut table.
export { HelpPanel } from './HelpPanel';
export { SHORTCUTS } from './shortcuts';
