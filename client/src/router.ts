// A tiny router over the history API: the three routes of the board need no more.
import { useSyncExternalStore } from 'react';

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
  | { name: 'join'; meetingId: string; code: string; observer: boolean }
  | { name: 'board'; meetingId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  const join = /^\/m\/([^/]+)\/join\/?$/.exec(pathname);
  if (join?.[1]) {
    const q = new URLSearchParams(search);
    return { name: 'join', meetingId: decodeURIComponent(join[1]), code: q.get('code') ?? '', observer: q.get('as') === 'observer' };
  }
  const board = /^\/m\/([^/]+)\/?$/.exec(pathname);
  if (board?.[1]) return { name: 'board', meetingId: decodeURIComponent(board[1]) };
  return { name: 'notFound' };
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, location.origin);
  return matchRoute(url.pathname, url.search);
}

export const boardPath = (meetingId: string) => `/m/${encodeURIComponent(meetingId)}`;
/** `as=observer` only lets the join page say so up front; the code alone decides the role. */
export const joinPath = (meetingId: string, code: string, observer = false) =>
  `/m/${encodeURIComponent(meetingId)}/join?code=${encodeURIComponent(code)}${observer ? '&as=observer' : ''}`;
