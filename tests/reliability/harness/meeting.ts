// A meeting with people in it: created and joined over HTTP, each person a
// raw sync client with their own token.
import { createMeeting, joinMeeting, type Created } from './http.ts';
import { SyncClient, type ClientOptions } from './syncClient.ts';

export type Role = 'facilitator' | 'member' | 'guest' | 'observer';

export interface Person {
  name: string;
  role: Role;
  participantId: string;
  token: string;
}

export interface Meeting {
  created: Created;
  meetingId: string;
  people: Record<string, Person>;
}

/** Create a meeting (the facilitator is `Fay`) and join the others: `{ Mia: 'member', Gus: 'guest' }`. */
export async function openMeeting(base: string, others: Record<string, Exclude<Role, 'facilitator'>> = {}): Promise<Meeting> {
  const created = await createMeeting(base, 'Fay');
  const people: Record<string, Person> = {
    Fay: { name: 'Fay', role: 'facilitator', participantId: created.participantId, token: created.token },
  };
  for (const [name, role] of Object.entries(others)) {
    const joined = await joinMeeting(base, created, name, role);
    people[name] = { name, role, participantId: joined.participantId, token: joined.token };
  }
  return { created, meetingId: created.meetingId, people };
}

/** A client for one person of the meeting, connected and synced. */
export async function clientFor(wsBase: string, meeting: Meeting, name: string, options: ClientOptions = {}): Promise<SyncClient> {
  const person = meeting.people[name];
  if (!person) throw new Error(`nobody called ${name} in the meeting`);
  const client = new SyncClient(meeting.meetingId, person.token, options);
  await client.connectAndSync(wsBase);
  return client;
}
