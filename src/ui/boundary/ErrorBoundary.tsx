// Blank-page guard: a React error boundary around one area of the app (the 3D view, the panels, the view
// overlays, or the whole app as a last resort). A render or WebGL failure inside it shows what failed, says that
// the rest of the app and the session are kept, and offers "Try again" (re-mounts the area); the app store,
// field data, workers and autosave live outside React and are untouched. No units.
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useApp } from '../../app/store';
import './boundary.css';

interface Props {
  /** What the area is, for the message ("3D view", "panels"). */
  area: string;
  /** data-testid suffix: boundary-<id>. */
  id: string;
  children: ReactNode;
  /** Called after "Try again" re-mounted the area (e.g. to put the camera back). */
  onRetry?: () => void;
  /** Whole-app fallback: offer a reload instead of a re-mount, and do not use the app store. */
  root?: boolean;
}

interface State {
  error?: Error;
  attempt: number;
}

function hint(error: Error): string {
  if (/webgl|context|gpu/i.test(error.message))
    return 'The browser could not give the page a WebGL context: enable hardware acceleration or close other 3D tabs.';
  return 'This is a bug in the viewer; trying again usually works.';
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.area}] render failed:`, error, info.componentStack);
    if (!this.props.root)
      useApp
        .getState()
        .notify(
          'error',
          `The ${this.props.area} failed to draw (${error.message}); the rest of the app and your session are kept.`,
        );
  }

  private readonly retry = (): void => {
    if (this.props.root) {
      location.reload();
      return;
    }
    this.setState((s) => ({ error: undefined, attempt: s.attempt + 1 }));
    this.props.onRetry?.();
  };

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <Fragment key={attempt}>{this.props.children}</Fragment>;
    return (
      <div
        className={`boundary-error${this.props.root ? ' root' : ''}`}
        role="alert"
        data-testid={`boundary-${this.props.id}`}
      >
        <strong>The {this.props.area} could not be shown.</strong>
        <p className="boundary-detail">{error.message}</p>
        <p>{hint(error)}</p>
        <p>
          {this.props.root
            ? 'Your session is saved in this browser and comes back after a reload.'
            : 'Everything else keeps working; your organs, parameters and session are kept.'}
        </p>
        <button type="button" onClick={this.retry}>
          {this.props.root ? 'Reload' : 'Try again'}
        </button>
      </div>
    );
  }
}
