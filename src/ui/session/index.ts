// Public face of the session UI: header controls and the restore banner.
export { SessionControls } from './SessionControls';
export { SessionBanner } from './SessionBanner';
