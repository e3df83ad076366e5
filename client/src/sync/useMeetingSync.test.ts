// useMeetingSync against a real server (a child process on port 0, as in the
// end-to-end tests): sync, saving with the server's acks, a refusal's reload,
// a final refusal of the pass, and going offline. The browser parts are
// happy-dom's (fetch, location, online events), ws's WebSocket and fake-indexeddb's.
import 'fake-indexeddb/auto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type * as Y from 'yjs';
import WebSocket from 'ws';
import { meta, notes, writeNote, type CreatedMeeting, type JoinedMeeting } from '@consent/shared';
import type { Session } from '../session.ts';
import { useMeetingSync } from './useMeetingSync.ts';

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'server');
let child: ChildProcess;
let dataDir: string;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'consent-client-'));
  child = spawn(join(SERVER_DIR, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIST: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(log);
      if (m) resolve(m[1]!.replace(/\/$/, ''));
    });
    child.stderr!.on('data', (chunk: Buffer) => void (log += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}:\n${log}`)));
  });
  // the board talks to the server it was loaded from
  (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${url}/m/board`);
});
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function facilitatorSession(): Promise<{ meetingId: string; codes: CreatedMeeting['codes']; session: Session }> {
  const m = await post<CreatedMeeting>('/api/meetings', {
    title: 'Kettle meeting',
    facilitatorName: 'Fran',
    circle: 'Garden',
    aim: 'Grow food',
  });
  return {
    meetingId: m.meetingId,
    codes: m.codes,
    session: { participantId: m.participantId, token: m.token, role: 'facilitator', name: 'Fran' },
  };
}

async function memberSession(meetingId: string, code: string): Promise<Session> {
  const j = await post<JoinedMeeting>(`/api/meetings/${meetingId}/join`, { name: 'Ben', code });
  return { participantId: j.participantId, token: j.token, role: 'member', name: 'Ben' };
}

function open(meetingId: string, session: Session) {
  // happy-dom's sockets lack the instance constants (ws.OPEN) the provider reads before it sends
  const hook = renderHook(() =>
    useMeetingSync(meetingId, session, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket }),
  );
  cleanups.push(() => hook.unmount());
  return hook;
}

const noteText = (doc: Y.Doc, key: string) => notes(doc).get(key)?.toString();

describe('useMeetingSync with a real server', () => {
  it("syncs the server's document, then shows it saved", async () => {
    const { meetingId, session } = await facilitatorSession();
    const { result } = open(meetingId, session);
    expect(result.current.save).toBe('connecting');
    await waitFor(() => expect(result.current.ready).toBe(true));
    expect(meta(result.current.conn!.doc).get('title')).toBe('Kettle meeting');
    await waitFor(() => expect(result.current.save).toBe('saved'));
    expect(result.current.conn!.user).toMatchObject({ id: session.participantId, name: 'Fran' });
  });

  it('a write is saving until the server acknowledges it, and reaches another participant', async () => {
    const { meetingId, codes, session } = await facilitatorSession();
    const { result } = open(meetingId, session);
    await waitFor(() => expect(result.current.save).toBe('saved'));
    act(() => writeNote(result.current.conn!.doc, 'opening', 'Welcome'));
    expect(result.current.save).toBe('saving');
    await waitFor(() => expect(result.current.save).toBe('saved'));
    const other = open(meetingId, await memberSession(meetingId, codes.member));
    await waitFor(() => expect(other.result.current.ready).toBe(true));
    await waitFor(() => expect(noteText(other.result.current.conn!.doc, 'opening')).toBe('Welcome'));
  });

  it('[R2] a refused write is reported, and the document reloads from the server without it', async () => {
    const { meetingId, session } = await facilitatorSession();
    const { result } = open(meetingId, session);
    await waitFor(() => expect(result.current.save).toBe('saved'));
    const first = result.current.conn!.doc;
    act(() => void first.getArray('log').push([{ type: 'phase', at: 1, actorId: session.participantId, from: 'lobby', to: 'closed' }]));
    await waitFor(() => expect(result.current.refusal?.rule).toBe('R2'));
    await waitFor(() => expect(result.current.conn?.doc).not.toBe(first));
    await waitFor(() => expect(result.current.save).toBe('saved'));
    const reloaded = result.current.conn!.doc;
    expect(reloaded.getArray('log').toArray()).not.toContainEqual(expect.objectContaining({ to: 'closed' }));
    act(() => result.current.dismissRefusal());
    expect(result.current.refusal).toBe(null);
  });

  it('a pass the server does not know is final: nothing to retry', async () => {
    const { meetingId, session } = await facilitatorSession();
    const { result } = open(meetingId, { ...session, token: 'not-a-token' });
    await waitFor(() => expect(result.current.fatal?.status).toBe(401));
    expect(result.current.ready).toBe(false);
  });

  it('offline when the browser says so; back, it reconnects and saves what was written meanwhile', async () => {
    const { meetingId, codes, session } = await facilitatorSession();
    const { result } = open(meetingId, session);
    await waitFor(() => expect(result.current.save).toBe('saved'));
    act(() => void window.dispatchEvent(new Event('offline')));
    expect(result.current.save).toBe('offline');
    act(() => writeNote(result.current.conn!.doc, 'opening', 'Written offline'));
    expect(result.current.save).toBe('offline');
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current.save).toBe('saved'));
    const other = open(meetingId, await memberSession(meetingId, codes.member));
    await waitFor(() => expect(noteText(other.result.current.conn!.doc, 'opening')).toBe('Written offline'));
  });
});
