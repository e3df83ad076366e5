// The domain of Consent Board: document schema, consent rules, moves, rights,
// minutes and wire constants. Pure: depends on yjs and zod only.
export * from './schema.ts';
export * from './protocol.ts';
export * from './frames.ts';
export type * from './types.ts';
export * from './snapshot.ts';
export * from './revision.ts';
export * from './consent.ts';
export * from './moves.ts';
export * from './commands.ts';
export * from './selectors.ts';
export * from './updatePaths.ts';
export * from './rights.ts';
export * from './checkUpdate.ts';
export * from './neutralize.ts';
export * from './knownParts.ts';
export * from './minutes/index.ts';
export * from './api.ts';
export * from './itemRecord.ts';
export * from './closedAt.ts';
export * from './agendaConsent.ts';
export * from './facilitation.ts';
export * from './sealed.ts';
export * from './handover.ts';
export * from './selection.ts';
export * from './circleMeeting.ts';
