// A single-use link with a copy button and its QR code, for a person in the room or far away.
import { QRCodeSVG } from 'qrcode.react';
import { CopyField } from '../ui/CopyField.tsx';

export function LinkShare({ label, hint, url, qrAlt }: { label: string; hint?: string; url: string; qrAlt: string }) {
  return (
    <div className="link-share">
      <CopyField label={label} value={url} {...(hint ? { hint } : {})} />
      <QRCodeSVG value={url} size={168} marginSize={2} role="img" aria-label={qrAlt} data-qr-url={url} />
    </div>
  );
}
