// Header buttons to open a scan (files or a DICOM folder), add a label map, import meshes; plus a
// window-wide drop target. Hidden <input type=file> elements carry data-testid for browser tests.
import { useEffect, useRef, useState } from 'react';
import { openFiles } from '../../app/loadFiles';
import type { FileRole } from '../../app/workers/scan';
import { filesFromDrop, filesFromInput } from './drop';

const VOLUME_ACCEPT = '.nii,.gz,.nrrd,.nhdr,.raw,.vti,.dcm,.json,.ctbl,.txt,.stl,.obj,.ply,.vtp,.glb,application/dicom';

function Picker({ label, title, testid, role, folder, accept }: { label: string; title: string; testid: string; role: FileRole; folder?: boolean; accept?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (folder) ref.current?.setAttribute('webkitdirectory', '');
  }, [folder]);
  return (
    <>
      <button type="button" title={title} onClick={() => ref.current?.click()}>
        {label}
      </button>
      <input
        ref={ref}
        type="file"
        hidden
        multiple
        accept={folder ? undefined : accept}
        data-testid={testid}
        aria-label={label}
        onChange={(e) => {
          const files = filesFromInput(e.target.files);
          e.target.value = '';
          if (files.length) void openFiles(files, role);
        }}
      />
    </>
  );
}

export function FileMenu() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!e.relatedTarget) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      setOver(false);
      void filesFromDrop(e.dataTransfer).then((files) => (files.length ? openFiles(files) : undefined));
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return (
    <div className="file-menu">
      <Picker label="Open…" title="Open a scan (NIfTI, NRRD, VTI, DICOM files), label maps, label tables or meshes" testid="open-files" role="auto" accept={VOLUME_ACCEPT} />
      <Picker label="Folder…" title="Open a DICOM series folder" testid="open-folder" role="auto" folder />
      <Picker label="+ Labels…" title="Add a label map to the scan being opened" testid="open-labels" role="labels" accept=".nii,.gz,.nrrd,.nhdr,.raw,.vti" />
      {over && <div className="drop-veil">Drop a scan, label maps, label tables or meshes</div>}
    </div>
  );
}
