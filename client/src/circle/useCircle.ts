// The circle page's data: the circle as this device's member reads it, and its
// meetings; reloaded after each change. An error keeps the server's sentence and status.
import { useCallback, useEffect, useState } from 'react';
import type { CircleMeetingView, CircleView } from '@consent/shared';
import { ApiError } from '../api.ts';
import { fetchCircle, fetchCircleMeetings } from './circleApi.ts';
import { rememberCircleName, type CircleSession } from './circleSession.ts';

export interface CircleData {
  circle: CircleView | null;
  meetings: CircleMeetingView[];
  error: { message: string; status: number } | null;
  reload(): void;
}

export function useCircle(circleId: string, session: CircleSession | null): CircleData {
  const [circle, setCircle] = useState<CircleView | null>(null);
  const [meetings, setMeetings] = useState<CircleMeetingView[]>([]);
  const [error, setError] = useState<CircleData['error']>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const credential = session?.credential;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    if (!credential) return;
    let live = true;
    Promise.all([fetchCircle(circleId, credential), fetchCircleMeetings(circleId, credential)]).then(
      ([c, m]) => {
        if (!live) return;
        setCircle(c);
        setMeetings(m.meetings);
        setError(null);
        rememberCircleName(circleId, c.name);
      },
      (err) =>
        live && setError(err instanceof ApiError ? { message: err.message, status: err.status } : { message: String(err), status: 0 }),
    );
    return () => {
      live = false;
    };
  }, [circleId, credential, version]);

  return { circle, meetings, error, reload };
}
