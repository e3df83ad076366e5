// The minutes' print view: the server's HTML in a sandboxed frame. Without
// allow-scripts nothing in it runs, whatever its text holds; allow-same-origin
// only lets the board print the frame on its own.
import { useEffect, useRef } from 'react';
import { MINUTES_WORDS } from './words.ts';

export function PrintView({ html, onClose }: { html: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="print-view" aria-label={MINUTES_WORDS.printTitle} onClose={onClose}>
      <div className="print-view-bar">
        <h2>{MINUTES_WORDS.printTitle}</h2>
        <button type="button" className="primary small" onClick={() => frame.current?.contentWindow?.print()}>
          {MINUTES_WORDS.print}
        </button>
        <button type="button" className="small" onClick={() => dialog.current?.close()}>
          {MINUTES_WORDS.close}
        </button>
      </div>
      <iframe
        ref={frame}
        sandbox="allow-same-origin allow-modals"
        srcDoc={html}
        title={MINUTES_WORDS.frameTitle}
        data-testid="minutes-print-view"
      />
    </dialog>
  );
}
