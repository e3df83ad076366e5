// The wall clock for countdowns and speaking time. (The meeting snapshot is
// read through state/meetingStore.ts and board/BoardContext.ts.)
import { useEffect, useState } from 'react';

/** The wall clock, ticking every `ms` (countdowns, speaking time). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
