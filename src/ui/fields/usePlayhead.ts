// React view of the playback clock for panels that show values "now" (probe list, hover read-out): playhead.timeMs
// lives outside React (written every frame by the player); this hook re-renders its component at most every
// `refreshMs` while the time changes, and not at all while it stands still. Units: ms.
import { useEffect, useState } from 'react';
import { playhead } from '../../app/fieldStore';

export function usePlayheadMs(refreshMs = 100): number {
  const [t, setT] = useState(playhead.timeMs);
  useEffect(() => {
    let raf = 0;
    let last = 0;
    let shown = playhead.timeMs;
    const tick = (now: number) => {
      if (playhead.timeMs !== shown && now - last >= refreshMs) {
        last = now;
        shown = playhead.timeMs;
        setT(shown);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [refreshMs]);
  return t;
}
