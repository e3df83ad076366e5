// The words of the circle pages: my circles, a circle, joining a circle, moving
// access to a phone (catalogue: circle.*; see docs/i18n.md to add one).
import type { CircleMemberRole } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

export const MEMBER_ROLE: Record<CircleMemberRole, string> = words(en.circle.memberRole);

export const ROLE_NAME: Record<string, string | undefined> = words(en.circle.roleName);
export const roleLabel = (name: string): string => ROLE_NAME[name.toLowerCase()] ?? name;

export const NEW_CIRCLE = words(en.circle.newCircle);
export const START_LINKS = words(en.circle.startLinks);
export const MY_CIRCLES = words(en.circle.myCircles, (t) => ({ open: (title: string) => t('open', { title }) }));

export const CIRCLE_PAGE = words(en.circle.circlePage, (t) => ({
  you: (name: string) => t('you', { name }),
  term: (start: string | null, end: string | null) =>
    start && end ? t('termBoth', { start, end }) : start ? t('termSince', { start }) : end ? t('termUntil', { end }) : t('noTerm'),
}));

export const ADD_MEMBER = words(en.circle.addMember, (t) => ({
  link: (name: string) => t('link', { name }),
  qrAlt: (name: string) => t('qrAlt', { name }),
  newLink: (name: string) => t('newLink', { name }),
}));

export const REMOVE_MEMBER = words(en.circle.removeMember, (t) => ({
  button: (name: string) => t('button', { name }),
  confirm: (name: string) => t('confirm', { name }),
}));

export const SET_ROLE = words(en.circle.setRole, (t) => ({
  button: (role: string) => t('button', { role }),
  heading: (role: string) => t('heading', { role }),
}));

export const MOVE_TO_PHONE = words(en.circle.moveToPhone, (t) => ({ lead: (minutes: number) => t('lead', { count: minutes }) }));

export const JOIN_CIRCLE = words(en.circle.joinCircle, (t) => ({ already: (name: string) => t('already', { name }) }));
