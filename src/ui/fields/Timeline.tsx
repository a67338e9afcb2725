// Timeline for time-varying fields: play/pause, scrub slider, speed (simulated ms per wall ms). The playback
// clock runs here on requestAnimationFrame, writes playhead.timeMs (outside React) and asks the demand-driven
// Canvas for a redraw; the slider re-renders at most ~10 times a second. Also live while a solver streams.
import { useEffect, useRef, useState } from 'react';
import { playhead, useFields } from '../../app/fieldStore';
import { requestFieldRedraw } from '../../scene/fields/commands';

const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1];
const UI_REFRESH_MS = 100;

export function Timeline() {
  const duration = useFields((s) => s.durationMs);
  const playing = useFields((s) => s.playing);
  const speed = useFields((s) => s.speed);
  const set = useFields((s) => s.set);
  const [shown, setShown] = useState(0);
  const last = useRef(0);

  useEffect(() => {
    let raf = 0;
    let prev = performance.now();
    let lastUi = 0;
    const tick = (now: number) => {
      const s = useFields.getState();
      const dt = Math.min(100, now - prev);
      prev = now;
      if (s.playing && s.durationMs > 0) {
        playhead.timeMs += dt * s.speed;
        if (playhead.timeMs > s.durationMs) playhead.timeMs = 0;
        requestFieldRedraw();
      }
      if (now - lastUi > UI_REFRESH_MS && playhead.timeMs !== last.current) {
        lastUi = now;
        last.current = playhead.timeMs;
        setShown(playhead.timeMs);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, []);

  if (!(duration > 0)) return null;
  return (
    <div className="timeline" role="group" aria-label="timeline">
      <button type="button" onClick={() => set({ playing: !playing })} aria-label={playing ? 'pause' : 'play'}>
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        type="range"
        aria-label="time"
        min={0}
        max={duration}
        step={Math.max(0.1, duration / 1000)}
        value={Math.min(shown, duration)}
        onChange={(e) => {
          playhead.timeMs = Number(e.target.value);
          setShown(playhead.timeMs);
          requestFieldRedraw();
        }}
      />
      <span className="timeline-time" data-testid="timeline-time">
        {shown.toFixed(0)} / {duration.toFixed(0)} ms
      </span>
      <select aria-label="speed" value={speed} onChange={(e) => set({ speed: Number(e.target.value) })}>
        {SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v}×
          </option>
        ))}
      </select>
    </div>
  );
}
