// Minutes as files (Markdown, HTML, JSON) and a printable view, fetched with my token.
import { useId, useState } from 'react';
import { fetchMinutes, type MinutesFormat } from '../api.ts';
import { useBoard } from './BoardContext.ts';
import { PrintView } from './PrintView.tsx';
import { MINUTES_WORDS } from './words.ts';

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
  const [printable, setPrintable] = useState<string | null>(null);
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

  // Shown in the board's sandboxed frame, never as a page of the board's origin (a blob: URL would be one).
  const print = async () => {
    setError(null);
    try {
      const { blob } = await fetchMinutes(meetingId, session.token, 'html');
      setPrintable(await blob.text());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <div className="minutes-menu">
        <button type="button" className="small" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
          {MINUTES_WORDS.menu}
        </button>
        <div className="menu" id={menuId} role="group" aria-label={MINUTES_WORDS.menu} hidden={!open}>
          {FORMATS.map(({ format, label }) => (
            <button key={format} type="button" className="small" onClick={() => void download(format)}>
              {MINUTES_WORDS.download(label)}
            </button>
          ))}
          <button type="button" className="small" onClick={() => void print()}>
            {MINUTES_WORDS.printView}
          </button>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      {printable !== null && <PrintView html={printable} onClose={() => setPrintable(null)} />}
    </>
  );
}
