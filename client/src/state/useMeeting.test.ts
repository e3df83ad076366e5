import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useNow } from './useMeeting.ts';

describe('useNow: the wall clock for countdowns', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => void vi.useRealTimers());

  it('ticks every interval and stops when unmounted', () => {
    const { result, unmount, rerender } = renderHook(({ ms }) => useNow(ms), { initialProps: { ms: 1000 } });
    expect(result.current).toBe(1_000_000);
    act(() => void vi.advanceTimersByTime(999));
    expect(result.current).toBe(1_000_000);
    act(() => void vi.advanceTimersByTime(1));
    expect(result.current).toBe(1_001_000);
    rerender({ ms: 250 });
    act(() => void vi.advanceTimersByTime(250));
    expect(result.current).toBe(1_001_250);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
