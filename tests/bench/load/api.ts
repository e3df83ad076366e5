// Our HTTP API, used to set rooms up before a measurement (create, join).
export interface Seat {
  participantId: string;
  token: string;
  name: string;
}
export interface Meeting {
  meetingId: string;
  memberCode: string;
  facilitator: Seat;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST ${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function createMeeting(http: string, title: string): Promise<Meeting> {
  const name = 'Facilitator';
  const r = await post<{ meetingId: string; participantId: string; token: string; codes: { member: string } }>(`${http}/api/meetings`, {
    title,
    circle: 'Bench circle',
    aim: 'Measure',
    facilitatorName: name,
  });
  return { meetingId: r.meetingId, memberCode: r.codes.member, facilitator: { participantId: r.participantId, token: r.token, name } };
}

export async function joinMeeting(http: string, m: Meeting, name: string): Promise<Seat> {
  const r = await post<{ participantId: string; token: string }>(`${http}/api/meetings/${m.meetingId}/join`, { name, code: m.memberCode });
  return { participantId: r.participantId, token: r.token, name };
}
