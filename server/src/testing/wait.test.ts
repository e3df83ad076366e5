import { describe, expect, it } from 'vitest';
import { waitFor } from './wait.ts';

describe('waitFor', () => {
  it('waitFor resolves once the condition holds, and names what it waited for when it never does', async () => {
    let n = 0;
    await waitFor(() => ++n >= 3, { intervalMs: 1 });
    expect(n).toBe(3);
    await expect(waitFor(() => false, { timeoutMs: 20, intervalMs: 1, what: 'the sky to fall' })).rejects.toThrow(
      'timed out after 20 ms waiting for the sky to fall',
    );
  });
});
