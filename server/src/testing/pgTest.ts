// A new, empty database on the run's throwaway PostgreSQL (see postgresGlobal.ts).
import { inject } from 'vitest';
import { createDatabase } from './postgres.ts';

export function testDatabase(name: string): Promise<string> {
  return createDatabase(inject('postgresUrl'), name);
}
