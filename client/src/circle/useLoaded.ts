// One read of the circle's memory (register, backlog, trends…): its data, the
// server's sentence when it failed, and a reload for after a change.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.ts';

export function useLoaded<T>(load: () => Promise<T>, keys: readonly unknown[]): { data: T | null; error: string | null; reload(): void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's keys and `version` decide when to read again (`load` is a new closure each render)
  useEffect(() => {
    let live = true;
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof ApiError || err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [...keys, version]);
  return { data, error, reload };
}

/** A number that grows each time the page becomes visible again: a key that makes reads run again. */
export function useRefreshOnReturn(): number {
  const [n, setN] = useState(0);
  useEffect(() => {
    const seen = () => document.visibilityState === 'visible' && setN((v) => v + 1);
    document.addEventListener('visibilitychange', seen);
    window.addEventListener('focus', seen);
    return () => {
      document.removeEventListener('visibilitychange', seen);
      window.removeEventListener('focus', seen);
    };
  }, []);
  return n;
}
