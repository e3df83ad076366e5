// The words about who may open a meeting: the links of each role, joining,
// removal, and the screen shown when the board cannot open.
import type { Role } from '@consent/shared';

export const LINK: Record<Role, { label: string; hint: string }> = {
  member: { label: 'Member link', hint: 'For members of the circle: their position counts in consent rounds.' },
  guest: { label: 'Guest link', hint: 'For guests: they may speak, co-edit and raise concerns; their position does not count.' },
  observer: { label: 'Observer link', hint: 'For observers: they see the board live and write nothing.' },
};

export const LINKS_LEAD = 'Send each person the link of their role: the link alone decides it.';
export const REPLACE_LINKS = 'Replace the links';
export const REPLACE_LINKS_HINT = 'New links for every role; the old ones stop working at once. People who already joined stay.';
export const LINKS_REPLACED = 'New links made: the old ones no longer work.';

export const JOIN_AS: Record<Role, string> = {
  member: 'This is a member link: you join as a member of the circle, and your position counts in consent rounds.',
  guest: 'This is a guest link: you may speak, co-edit and raise concerns; your position does not count.',
  observer: 'This is an observer link: you will see the board live and write nothing.',
};
export const QR = {
  heading: 'QR code for phones',
  pick: 'Link shown as QR code',
  alt: (role: string) => `QR code of the ${role} link`,
};
export const INVITE = {
  button: 'Invite',
  heading: 'Invite people',
  close: 'Close',
};
export const JOIN_PAGE = {
  title: 'Join the meeting',
  titleOf: (title: string) => `Join “${title}”`,
  circle: (circle: string) => `Circle: ${circle}`,
  closed: 'This meeting is closed: it takes no new participants.',
  nameHint: 'Shown to everyone in the meeting.',
  needName: 'Type your name to join.',
};
export const START = {
  needFields: 'Fill in a meeting title and your name to create the meeting.',
  myMeetings: 'Meetings on this device',
};
export const MY_MEETINGS = {
  title: 'Meetings on this device',
  lead: 'Meetings you created or joined on this device. Open one to return to its board.',
  none: 'You have not joined a meeting on this device yet.',
  as: (name: string, role: string) => `as ${name} (${role})`,
  start: 'Start a new meeting',
  untitled: 'Untitled meeting',
};
export const JOIN_NO_CODE = 'This link has no invite code. Ask the facilitator for the link of your role.';

export const REMOVE = {
  button: (name: string) => `Remove ${name}…`,
  confirm: (name: string) => `Remove ${name} from the meeting? Their link stops working at once; what they wrote and their positions stay in the record.`,
  yes: 'Remove',
  no: 'Keep',
  removed: 'removed',
} as const;

/** The "cannot open this board" screen: why, by the server's answer, and what to do. */
export const CANNOT_OPEN = {
  title: 'This board cannot open',
  serverSays: 'The server says:',
  startNew: 'Start a new meeting',
  byStatus: {
    401: {
      why: 'The pass this device holds for the meeting is not valid, or it has expired.',
      todo: 'Ask the facilitator for a new link of your role, and join again with it.',
    },
    403: {
      why: 'The pass this device holds no longer opens this meeting: the facilitator removed you from it, or it belongs to another meeting.',
      todo: 'If you think this is a mistake, ask the facilitator; they can send you a new link.',
    },
    404: {
      why: 'This meeting does not exist: it was deleted, or the address is wrong.',
      todo: 'Check the address with the facilitator, or start a new meeting.',
    },
    409: {
      why: 'This meeting cannot be opened in its present state.',
      todo: 'Ask the facilitator what to do.',
    },
    410: {
      why: 'This meeting is gone.',
      todo: 'Ask the facilitator for the minutes, or start a new meeting.',
    },
  },
} as const;
export type CannotOpenStatus = keyof typeof CANNOT_OPEN.byStatus;
export const isCannotOpenStatus = (status: number): status is CannotOpenStatus => status in CANNOT_OPEN.byStatus;
