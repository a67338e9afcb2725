// Public face of the blank-page guard: the error boundary and its test-only fault component.
export { ErrorBoundary } from './ErrorBoundary';
export { RenderFault } from './RenderFault';
