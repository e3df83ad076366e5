// The order a circle's roles are listed in, for every store: the standard roles
// first in their own order, then the circle's own by key (code-unit order).
import { CIRCLE_ROLES } from '@consent/shared';

const STANDARD = CIRCLE_ROLES as readonly string[];
const rank = (key: string): number => (STANDARD.includes(key) ? STANDARD.indexOf(key) : STANDARD.length);

export function sortRoles<T extends { role_key: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => rank(a.role_key) - rank(b.role_key) || (a.role_key < b.role_key ? -1 : a.role_key > b.role_key ? 1 : 0));
}
