// Public face of the session UI: header controls, the restore banner, and the hook panels use to put their
// local parameters into sessions.
export { SessionControls } from './SessionControls';
export { SessionBanner } from './SessionBanner';
export { useSessionSlice } from './useSessionSlice';
