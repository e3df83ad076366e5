// A tiny router over the history API: the three routes of the board need no more.
import { useSyncExternalStore } from 'react';
import { ROLES, type Role } from '@consent/shared';

const CHANGE = 'consent:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const currentHref = () => location.pathname + location.search;

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
}

export type Route =
  | { name: 'start' }
  | { name: 'meetings' }
  | { name: 'join'; meetingId: string; code: string; role: Role | null }
  | { name: 'board'; meetingId: string }
  | { name: 'circles' }
  | { name: 'newCircle' }
  | { name: 'circle'; circleId: string }
  | { name: 'joinCircle'; circleId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  if (pathname === '/meetings' || pathname === '/meetings/') return { name: 'meetings' };
  const join = /^\/m\/([^/]+)\/join\/?$/.exec(pathname);
  if (join?.[1]) {
    const q = new URLSearchParams(search);
    const as = q.get('as');
    const role = (ROLES as readonly string[]).includes(as ?? '') ? (as as Role) : null;
    return { name: 'join', meetingId: decodeURIComponent(join[1]), code: q.get('code') ?? '', role };
  }
  if (pathname === CIRCLES_PATH || pathname === `${CIRCLES_PATH}/`) return { name: 'circles' };
  if (pathname === NEW_CIRCLE_PATH) return { name: 'newCircle' };
  const circle = /^\/c\/([^/]+)(\/join)?\/?$/.exec(pathname);
  if (circle?.[1]) return { name: circle[2] ? 'joinCircle' : 'circle', circleId: decodeURIComponent(circle[1]) };
  const board = /^\/m\/([^/]+)\/?$/.exec(pathname);
  if (board?.[1]) return { name: 'board', meetingId: decodeURIComponent(board[1]) };
  return { name: 'notFound' };
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, location.origin);
  return matchRoute(url.pathname, url.search);
}

export const MEETINGS_PATH = '/meetings';
export const CIRCLES_PATH = '/circles';
export const NEW_CIRCLE_PATH = '/circles/new';
export const circlePath = (circleId: string) => `/c/${encodeURIComponent(circleId)}`;
export const boardPath = (meetingId: string) => `/m/${encodeURIComponent(meetingId)}`;
/** `as=<role>` only lets the join page say so up front; the code alone decides the role. */
export const joinPath = (meetingId: string, code: string, role: Role) =>
  `/m/${encodeURIComponent(meetingId)}/join?code=${encodeURIComponent(code)}&as=${role}`;
