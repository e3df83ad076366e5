// Minutes as files (Markdown, HTML, JSON) and a printable view, fetched with my token.
import { useId, useState } from 'react';
import { fetchMinutes, type MinutesFormat } from '../api.ts';
import { useBoard } from './BoardContext.ts';

const FORMATS: { format: MinutesFormat; label: string }[] = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'json', label: 'JSON' },
];

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function MinutesMenu() {
  const { meetingId, session } = useBoard();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const menuId = useId();

  const download = async (format: MinutesFormat) => {
    setError(null);
    try {
      const { blob, fileName } = await fetchMinutes(meetingId, session.token, format);
      saveBlob(blob, fileName);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const print = async () => {
    setError(null);
    const win = window.open('', '_blank');
    try {
      const { blob } = await fetchMinutes(meetingId, session.token, 'html');
      const url = URL.createObjectURL(new Blob([await blob.text()], { type: 'text/html' }));
      if (win) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="minutes-menu">
      <button type="button" className="small" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>Minutes</button>
      <div className="menu" id={menuId} role="group" aria-label="Minutes" hidden={!open}>
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className="small" onClick={() => void download(format)}>
            Download {label}
          </button>
        ))}
        <button type="button" className="small" onClick={() => void print()}>
          Print view
        </button>
        {error && <p className="error" role="alert">{error}</p>}
      </div>
    </div>
  );
}
