// App entry: mounts the React tree. Everything heavy (phantom, reconstruction, solvers) runs in workers. The
// whole app sits behind a last-resort error boundary (the 3D view and the panels have their own, see App.tsx),
// so a render failure never leaves a blank page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './ui/boundary';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="viewer" id="app" root>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
