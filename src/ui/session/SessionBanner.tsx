// "Restored previous session — Clear" banner over the 3D view, with the files the session still needs
// ("re-open ct.nii.gz to restore the scan"). Clear deletes the saved copy from this browser.
import { useApp } from '../../app/store';
import { clearAutosave, dropPendingSession, useSessionUi } from '../../app/session';
import './session.css';

export function SessionBanner() {
  const banner = useSessionUi((s) => s.banner);
  const setBanner = useSessionUi((s) => s.setBanner);
  const notify = useApp((s) => s.notify);
  if (!banner) return null;
  return (
    <div className="session-banner" role="status" data-testid="session-banner">
      <span>
        {banner.text}
        {banner.missing.length > 0 && (
          <span className="session-missing">
            {' '}
            — re-open {banner.missing.join(' and ')} to restore the scan
          </span>
        )}
      </span>
      {banner.origin === 'autosave' && (
        <button
          type="button"
          onClick={() => {
            dropPendingSession();
            void clearAutosave().then(() => notify('info', 'Saved session data cleared from this browser.'));
          }}
        >
          Clear
        </button>
      )}
      <button type="button" aria-label="dismiss session message" onClick={() => setBanner(undefined)}>
        ×
      </button>
    </div>
  );
}
