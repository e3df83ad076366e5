// Refusals a person can read, and the join page's look at a link before joining (docs/api.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createMeeting, removeDir, startTestServer, type Meeting, type TestServer } from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url);
});
afterAll(async () => {
  await s.close();
  removeDir(s.dataDir);
});

describe('[H1] refusals are sentences', () => {
  it.each([
    [{ title: 'x'.repeat(301), facilitatorName: 'F' }, 'title', 'The meeting title is too long: at most 300 characters.'],
    [{ title: 'T', facilitatorName: 'x'.repeat(201) }, 'facilitatorName', 'Your name is too long: at most 200 characters.'],
    [{ title: '  ', facilitatorName: 'F' }, 'title', 'The meeting title is missing: please fill it in.'],
    [{ title: 'T' }, 'facilitatorName', 'Your name is missing: please fill it in.'],
  ])('[H1] %j is refused in words', async (body, field, sentence) => {
    const r = await api(s.url, 'POST', '/api/meetings', body);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: sentence, field });
  });

  it('[H1] a wrong join code says what to do, without the field name in the sentence', async () => {
    const r = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Eve', code: 'guessed' });
    expect(r.status).toBe(403);
    expect(r.json.field).toBe('code');
    expect(r.json.error).toMatch(/^This invite link does not open this meeting/);
    expect(r.json.error).not.toMatch(/^code:/);
  });
});

describe('[H2] POST /api/meetings/:id/invitation', () => {
  it('[H2] names the meeting and the role of a valid code, and nothing for a wrong one', async () => {
    const r = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/invitation`, { code: m.codes.guest });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ title: expect.any(String), circle: expect.any(String), role: 'guest', closed: false });
    expect(String(r.json.title)).not.toBe('');
    const wrong = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/invitation`, { code: 'guessed' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.title).toBeUndefined();
    expect((await api(s.url, 'POST', '/api/meetings/nope/invitation', { code: m.codes.guest })).status).toBe(404);
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/invitation`, {})).json).toMatchObject({ field: 'code' });
  });
});
