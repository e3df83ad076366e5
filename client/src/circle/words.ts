// The words of the circle pages: my circles, a circle, joining a circle, moving access to a phone.
import type { CircleMemberRole } from '@consent/shared';

export const MEMBER_ROLE: Record<CircleMemberRole, string> = {
  member: 'member',
  guest: 'guest',
};

export const ROLE_NAME: Record<string, string> = {
  facilitator: 'Facilitator',
  secretary: 'Secretary',
  leader: 'Leader',
  delegate: 'Delegate',
};
export const roleLabel = (name: string): string => ROLE_NAME[name.toLowerCase()] ?? name;

export const NEW_CIRCLE = {
  title: 'New circle',
  lead: 'A circle is a group with a shared aim that decides by consent in its own domain. You become its first member and its facilitator.',
  form: 'Create a circle',
  name: 'Circle name',
  nameHint: 'E.g. “Garden circle”.',
  aim: 'Aim',
  aimHint: 'The circle’s shared purpose: objections are weighed against it.',
  domain: 'Domain',
  domainHint: 'What the circle decides on.',
  you: 'Your name',
  needFields: 'Fill in the circle’s name and your name to create the circle.',
  create: 'Create circle',
  creating: 'Creating…',
};

export const START_LINKS = {
  newCircle: 'New circle',
  myCircles: 'My circles',
};

export const MY_CIRCLES = {
  title: 'My circles',
  lead: 'The circles this device belongs to, and their meetings. Open a meeting to take your place in it.',
  none: 'This device belongs to no circle yet. Open the personal link the circle’s facilitator gave you, or create a circle.',
  newCircle: 'Create a circle',
  start: 'Start page',
  noMeetings: 'No meetings yet.',
  open: (title: string) => `Open ${title}`,
  forget: 'Forget this circle on this device',
  loading: 'Loading…',
};

export const CIRCLE_PAGE = {
  aim: 'Aim',
  domain: 'Domain',
  none: '—',
  members: 'Members',
  roles: 'Roles',
  meetings: 'Meetings',
  you: (name: string) => `You are ${name}.`,
  youFacilitate: 'You facilitate this circle.',
  invited: 'invited, not joined yet',
  removed: 'removed',
  vacant: 'vacant',
  term: (start: string | null, end: string | null) =>
    start && end ? `${start} to ${end}` : start ? `since ${start}` : end ? `until ${end}` : 'no term set',
  newMeeting: 'New meeting',
  noMeetings: 'The circle has not met yet.',
  openMeeting: 'Open',
  myCircles: 'My circles',
  loading: 'Loading the circle…',
  noAccess: 'This device has no access to this circle.',
  noAccessTodo: 'Open the personal link the circle’s facilitator gave you, or move your access from a device that has it.',
};

export const ADD_MEMBER = {
  heading: 'Add a member',
  name: 'Name',
  role: 'Role in the circle',
  roleHint: 'A member’s position counts in consent rounds; a guest’s does not.',
  add: 'Add and make a personal link',
  adding: 'Adding…',
  link: (name: string) => `Personal link for ${name}`,
  linkHint: 'Send it to this person only: it opens the circle once, on one device.',
  qrAlt: (name: string) => `QR code of the personal link for ${name}`,
  newLink: (name: string) => `New link for ${name}`,
};

export const REMOVE_MEMBER = {
  button: (name: string) => `Remove ${name}…`,
  confirm: (name: string) => `Remove ${name} from the circle? Their devices lose access at once, and they leave the circle’s open meetings.`,
  yes: 'Remove',
  no: 'Keep',
};

export const SET_ROLE = {
  button: (role: string) => `Change ${role}…`,
  heading: (role: string) => `Who holds the role ${role}`,
  holder: 'Holder',
  vacant: 'Nobody (vacant)',
  termEnd: 'End of the term',
  save: 'Save',
  cancel: 'Cancel',
};

export const MOVE_TO_PHONE = {
  button: 'Move to my phone',
  heading: 'Open this circle on your phone',
  lead: (minutes: number) => `Scan this code with your phone within ${minutes} minutes. It opens the circle once, as you; this device keeps its access.`,
  qrAlt: 'QR code that opens the circle on another device',
  link: 'Or open this link on the other device',
  close: 'Close',
};

export const JOIN_CIRCLE = {
  title: 'Join the circle',
  lead: 'This personal link lets this device into the circle as the person it was made for. From then on the circle’s meetings open here without joining again.',
  join: 'Join the circle',
  joining: 'Joining…',
  noCode: 'This link has no code. Ask the circle’s facilitator for your personal link.',
  already: (name: string) => `This device already belongs to this circle as ${name}.`,
  open: 'Open the circle',
};
