// Top-level layout: header, organ panel, 3D view (with the slice panel as a third column when slices are shown),
// task progress and notices. Loads the embedded phantom on start.
import { useEffect } from 'react';
import { Viewer } from '../scene/Viewer';
import { cameraCommands, type ViewName } from '../scene/CameraRig';
import { OrganList } from '../ui/OrganList';
import { TaskBar } from '../ui/TaskBar';
import { Notices } from '../ui/Notices';
import { useApp } from './store';
import { EpPanel, StressPanel } from '../ui/solvers';
import { ProbesPanel } from '../ui/probes';
import { FieldPanel, ScalarBar, Timeline } from '../ui/fields';
import { loadPhantom } from './loadScene';
import { initSession } from './session';
import { SessionBanner, SessionControls } from '../ui/session';
import { FileMenu, LabelDialog } from '../ui/files';
import { HoverReadout, ToolsPanel } from '../ui/tools';
import { SlicePanel } from '../ui/slices';
import { HelpPanel } from '../ui/help';
import { ErrorBoundary, RenderFault } from '../ui/boundary';
import { restoreCameraAfterViewRemount } from './session';
import { useTools } from '../ui/tools';

const VIEWS: ViewName[] = ['anterior', 'posterior', 'left', 'right', 'superior', 'inferior'];

let started = false;

export function App() {
  const sourceName = useApp((s) => s.sourceName);
  const busy = useApp((s) => s.tasks.length > 0);
  const slices = useTools((s) => s.showSlices);
  useEffect(() => {
    if (started) return; // StrictMode mounts twice in dev; load once
    started = true;
    void initSession();
    void loadPhantom();
  }, []);
  return (
    <div className={slices ? 'app with-slices' : 'app'}>
      <header className="topbar">
        <h1>Organ Twin</h1>
        <span className="source">{sourceName || 'no scan loaded'}</span>
        <FileMenu />
        <nav className="views" aria-label="View presets">
          {VIEWS.map((v) => (
            <button key={v} type="button" onClick={() => cameraCommands.fit?.(v)}>
              {v}
            </button>
          ))}
        </nav>
        <SessionControls />
      </header>
      <aside className="panel">
        <h2>Organs</h2>
        <OrganList />
        {/* Blank-page guards: a failing area shows a message with "Try again"; the rest keeps working. */}
        <ErrorBoundary area="panels" id="panels">
          <RenderFault area="panels" />
          <EpPanel />
          <StressPanel />
          <FieldPanel />
          <ProbesPanel />
          <ToolsPanel />
        </ErrorBoundary>
      </aside>
      <main className="view">
        <ErrorBoundary area="3D view" id="view" onRetry={restoreCameraAfterViewRemount}>
          <RenderFault area="view" />
          <Viewer />
        </ErrorBoundary>
        <ErrorBoundary area="view overlays (legend, timeline, read-out)" id="overlays">
          <ScalarBar />
          <Timeline />
          <HoverReadout />
        </ErrorBoundary>
        {busy && <div className="busy-veil" aria-hidden="true" />}
        <TaskBar />
        <Notices />
        <SessionBanner />
        <LabelDialog />
        <HelpPanel />
      </main>
      <SlicePanel />
    </div>
  );
}
