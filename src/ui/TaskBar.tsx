// Progress bars for long tasks (loading, reconstruction, solving), each with a cancel button.
import { useApp } from '../app/store';

export function TaskBar() {
  const tasks = useApp((s) => s.tasks);
  if (tasks.length === 0) return null;
  return (
    <div className="tasks" role="status" aria-live="polite">
      {tasks.map((t) => (
        <div key={t.id} className="task" data-task={t.id}>
          <div className="task-title">
            {t.title} — {t.message}
          </div>
          <progress max={1} value={t.fraction} />
          {t.cancel && (
            <button type="button" onClick={t.cancel}>
              Cancel
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
