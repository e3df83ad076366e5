// [CI31] The storage the server writes circles through: after each write of circle
// data it tells the circle's live pages which part changed (CircleEvents). One place
// for every writer: the API, a meeting's decisions and selections, removals.
import type { CircleStorage } from '../storage/CircleStorage.ts';
import type { CircleRecordStorage } from '../storage/CircleRecordStorage.ts';
import type { Storage } from '../storage/Storage.ts';
import { removedSentence } from './access.ts';
import type { CircleEvents } from './CircleEvents.ts';

/** What runs after a method: its arguments and what it resolved to. */
type Hooks<T> = { [K in keyof T]?: T[K] extends (...args: infer A) => Promise<infer R> ? (args: A, result: R) => void : never };

/** `target` with `after` run once each hooked method's promise resolved; other members pass through. */
function tap<T extends object>(target: T, after: Hooks<T>, override: Partial<T> = {}): T {
  return new Proxy(target, {
    get(t, p) {
      if (p in override) return override[p as keyof T];
      const value = Reflect.get(t, p, t);
      if (typeof value !== 'function') return value;
      const hook = after[p as keyof T] as ((args: unknown[], result: unknown) => void) | undefined;
      const bound = (value as (...a: unknown[]) => unknown).bind(t);
      if (!hook) return bound;
      return async (...args: unknown[]) => {
        const result = await bound(...args);
        hook(args, result);
        return result;
      };
    },
  });
}

function notifyingRecords(records: CircleRecordStorage, events: CircleEvents): CircleRecordStorage {
  return tap<CircleRecordStorage>(records, {
    addDecision: ([entry], added) => {
      if (added) events.changed(entry.circleId, 'register');
    },
    addBacklog: ([item], added) => {
      if (added) events.changed(item.circleId, 'backlog');
    },
    takeBacklog: ([circleId], taken) => {
      if (taken.length > 0) events.changed(circleId, 'backlog');
    },
  });
}

function notifyingCircles(circles: CircleStorage, events: CircleEvents): CircleStorage {
  const records = notifyingRecords(circles.records, events);
  return tap<CircleStorage>(
    circles,
    {
      addMember: ([circleId]) => events.changed(circleId, 'members'),
      markJoined: ([circleId]) => events.changed(circleId, 'members'),
      removeMember: ([circleId, personId], at) => {
        if (at === null) return;
        // [CI3] the removed member's pages end with the reason; the others see the list change
        events.endMember(circleId, personId, removedSentence(at));
        events.changed(circleId, 'members');
      },
      setRole: ([circleId]) => events.changed(circleId, 'roles'),
      addMeeting: ([record]) => events.changed(record.circleId, 'meetings'),
    },
    { records },
  );
}

/** [CI31] `storage`, whose circle writes reach the circle's live pages. */
export function withCircleEvents(storage: Storage, events: CircleEvents): Storage {
  return tap<Storage>(storage, {}, { circles: notifyingCircles(storage.circles, events) });
}
