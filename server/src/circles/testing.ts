// Test support for circles: a circle with members who redeemed their personal links.
import type { CircleCredential, PersonalLink } from '@consent/shared';
import { api } from '../testing/harness.ts';

export interface TestCircle {
  circleId: string;
  /** Credentials by first name (lower case); `fay` is the founder and facilitator. */
  who: Record<string, CircleCredential>;
}

export async function circleWith(base: string, members: Array<[string, 'member' | 'guest']>): Promise<TestCircle> {
  const created = await api(base, 'POST', '/api/circles', {
    circleName: 'Garden circle',
    aim: 'Grow food together',
    domain: 'The beds',
    facilitatorName: 'Fay',
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const fay = created.json as unknown as CircleCredential;
  const who: Record<string, CircleCredential> = { fay };
  for (const [name, role] of members) {
    const link = await api(base, 'POST', `/api/circles/${fay.circleId}/members`, { memberName: name, role }, fay.credential);
    if (link.status !== 201) throw new Error(`add failed: ${link.status} ${link.text}`);
    const redeemed = await api(base, 'POST', `/api/circles/${fay.circleId}/redeem`, { code: (link.json as unknown as PersonalLink).code });
    if (redeemed.status !== 200) throw new Error(`redeem failed: ${redeemed.status} ${redeemed.text}`);
    who[name.toLowerCase()] = redeemed.json as unknown as CircleCredential;
  }
  return { circleId: fay.circleId, who };
}
