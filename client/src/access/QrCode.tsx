// One join link as a QR code, for people who join from a phone in the room.
import { useId, useState } from 'react';
import { QRCodeSVG } from 'qrcode.react';
import { ROLES, type JoinCodes, type Role } from '@consent/shared';
import { joinPath } from '../router.ts';
import { LINK, QR } from './words.ts';
import { roleLabel } from '../board/words.ts';

export function QrCode({ meetingId, codes }: { meetingId: string; codes: JoinCodes }) {
  const id = useId();
  const [role, setRole] = useState<Role>('member');
  const url = location.origin + joinPath(meetingId, codes[role], role);
  return (
    <div className="qr">
      <h3>{QR.heading}</h3>
      <label htmlFor={id}>{QR.pick}</label>
      <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {LINK[r].label}
          </option>
        ))}
      </select>
      <QRCodeSVG value={url} size={168} marginSize={2} role="img" aria-label={QR.alt(roleLabel(role))} data-qr-url={url} />
    </div>
  );
}
