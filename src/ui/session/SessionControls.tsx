// Header controls for sessions: save to a .otwin.json file, open one, copy a share link (view + parameters
// only: no scan data, no file names), and whether this browser keeps an autosaved copy.
import { useRef, useState } from 'react';
import { useApp } from '../../app/store';
import {
  autosaveEnabled,
  captureSession,
  clearAutosave,
  downloadSession,
  encodeShareHash,
  readSessionFile,
  restoreSession,
  setAutosaveEnabled,
  SESSION_FILE_SUFFIX,
} from '../../app/session';
import './session.css';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function SessionControls() {
  const input = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState('');
  const [keep, setKeep] = useState(autosaveEnabled);
  const notify = useApp((s) => s.notify);

  const open = async (file: File | undefined) => {
    if (!file) return;
    try {
      restoreSession(await readSessionFile(file), 'file');
    } catch (err) {
      notify('error', `${message(err)}. The current view is unchanged.`);
    }
  };

  const share = async () => {
    const url = `${location.origin}${location.pathname}#${encodeShareHash(captureSession(true))}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      notify('info', 'Share link copied: view and parameters only — no scan data and no file names.');
    } catch {
      notify('info', 'Share link ready below the header (copy it by hand): view and parameters only.');
    }
  };

  return (
    <div className="session-controls" role="group" aria-label="Session">
      <span className="session-label">Session</span>
      <button
        type="button"
        aria-label="Save session"
        onClick={() => downloadSession(captureSession())}
        title="Save the view state (not the scan) to a .otwin.json file"
      >
        Save
      </button>
      <button
        type="button"
        aria-label="Open session"
        title="Open a .otwin.json session file"
        onClick={() => input.current?.click()}
      >
        Open
      </button>
      <input
        ref={input}
        type="file"
        accept={`${SESSION_FILE_SUFFIX},.json,application/json`}
        hidden
        aria-label="session file"
        data-testid="session-file-input"
        onChange={(e) => {
          void open(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        aria-label="Share link"
        title="Link with the view and parameters only (no scan data, no file names)"
        onClick={() => void share()}
      >
        Link
      </button>
      <label
        className="session-keep"
        title="Autosave the view state in this browser (IndexedDB) to survive a reload"
      >
        <input
          type="checkbox"
          checked={keep}
          onChange={(e) => {
            setKeep(e.target.checked);
            void setAutosaveEnabled(e.target.checked);
          }}
        />
        autosave
      </label>
      <button
        type="button"
        aria-label="Clear saved"
        title="Delete the autosaved session from this browser"
        onClick={() =>
          void clearAutosave().then(() => notify('info', 'Saved session data cleared from this browser.'))
        }
      >
        Forget
      </button>
      {link && (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label="share link"
          onFocus={(e) => e.target.select()}
        />
      )}
    </div>
  );
}
