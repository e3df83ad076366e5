// Calls of the sealed rounds and the handover: the server's sentence on failure, shown by the board.
import { useCallback, useState } from 'react';
import { useBoard } from './BoardContext.ts';

export function useServerCall() {
  const { meetingId, session } = useBoard();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(fn: (meetingId: string, token: string) => Promise<T>): Promise<T | null> => {
      setBusy(true);
      try {
        const out = await fn(meetingId, session.token);
        setError(null);
        return out;
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [meetingId, session.token],
  );
  return { run, error, busy };
}
