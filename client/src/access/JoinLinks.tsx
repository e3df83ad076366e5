// One copyable link per role (member, guest, observer), each granting its role only.
import { ROLES, type JoinCodes } from '@consent/shared';
import { CopyField } from '../ui/CopyField.tsx';
import { joinPath } from '../router.ts';
import { LINK } from './words.ts';

export function JoinLinks({ meetingId, codes }: { meetingId: string; codes: JoinCodes }) {
  return (
    <>
      {ROLES.map((role) => (
        <CopyField
          key={role}
          label={LINK[role].label}
          value={location.origin + joinPath(meetingId, codes[role], role)}
          hint={LINK[role].hint}
        />
      ))}
    </>
  );
}
