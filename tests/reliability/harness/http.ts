// The HTTP API as the tests use it: create a meeting, join it, read minutes.

import type { CreatedMeeting as Created, JoinedMeeting as Joined } from '@consent/shared';

export type { Created, Joined };

async function postJson<T>(url: string, body: unknown, expected = 201): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`POST ${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function createMeeting(base: string, facilitatorName = 'Fay', title = 'Circle meeting'): Promise<Created> {
  return postJson<Created>(`${base}/api/meetings`, { title, circle: 'Garden circle', aim: 'Grow food together', facilitatorName });
}

export function joinMeeting(
  base: string,
  meeting: Created,
  name: string,
  role: 'member' | 'guest' | 'observer' = 'member',
): Promise<Joined> {
  return postJson<Joined>(`${base}/api/meetings/${meeting.meetingId}/join`, { name, code: meeting.codes[role] });
}

export async function health(base: string): Promise<{ ok: boolean; version: string }> {
  const res = await fetch(`${base}/api/health`);
  return (await res.json()) as { ok: boolean; version: string };
}
