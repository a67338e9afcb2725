// Test-only fault: throws during render while the debug hook has "broken" its area (app/renderFault.ts), so the
// browser tests can check that an ErrorBoundary catches a render failure. Renders nothing otherwise.
import { useRenderFaults, type RenderArea } from '../../app/renderFault';

export function RenderFault({ area }: { area: RenderArea }) {
  const broken = useRenderFaults((s) => s[area]);
  if (broken) throw new Error(`forced render failure in the ${area} (test hook)`);
  return null;
}
