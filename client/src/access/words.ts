// The words about who may open a meeting: the links of each role, joining,
// removal, and the screen shown when the board cannot open (catalogue: access.*).
import type { Role } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

const A = words(en.access);
export const LINK: Record<Role, { label: string; hint: string }> = words(en.access.link);
export const LINKS_WORDS = A;
export const JOIN_AS: Record<Role, string> = words(en.access.joinAs);
export const QR = words(en.access.qr, (t) => ({ alt: (role: string) => t('alt', { role }) }));
export const INVITE = words(en.access.invite);
export const JOIN_PAGE = words(en.access.joinPage, (t) => ({
  titleOf: (title: string) => t('titleOf', { title }),
  circle: (circle: string) => t('circle', { circle }),
}));
export const START = words(en.access.start);
export const MY_MEETINGS = words(en.access.myMeetings, (t) => ({ as: (name: string, role: string) => t('as', { name, role }) }));
export const REMOVE = words(en.access.remove, (t) => ({
  button: (name: string) => t('button', { name }),
  confirm: (name: string) => t('confirm', { name }),
}));
export const NOT_JOINED = words(en.access.notJoined);
export const NOT_FOUND = words(en.access.notFound);
export const LANGUAGE = words(en.access.language);
export const API_WORDS = words(en.access.api, (t) => ({ answered: (status: number, text: string) => t('answered', { status, text }) }));

/** The "cannot open this board" screen: why, by the server's answer, and what to do. */
export const CANNOT_OPEN = words(en.access.cannotOpen);
export type CannotOpenStatus = keyof typeof en.access.cannotOpen.byStatus;
export const isCannotOpenStatus = (status: number): status is CannotOpenStatus => status in en.access.cannotOpen.byStatus;
