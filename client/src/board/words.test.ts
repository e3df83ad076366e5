// The consent panel's summary and name lists, through the catalogues: English and Dutch.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as cmd from '@consent/shared';
import { deriveConsent, readMeeting, type MeetingSnapshot } from '@consent/shared';
import { i18n } from '../i18n/i18n.ts';
import { consentSummary, listNames } from './words.ts';

function doc(): Y.Doc {
  const d = new Y.Doc();
  cmd.createMeeting(d, { title: 'T', circle: 'C', aim: 'A', facilitatorId: 'f', facilitatorName: 'fay', now: 0 });
  cmd.addParticipant(d, 'b', { name: 'Ben', role: 'member', now: 1 });
  cmd.addParticipant(d, 'a', { name: 'Ana', role: 'member', now: 2 });
  cmd.addParticipant(d, 'o', { name: 'Olu', role: 'observer', now: 3 });
  cmd.addAgendaItem(d, { id: 'i1', title: 'Kettle', kind: 'consent', ownerId: 'a', timeboxMin: 10 });
  return d;
}
const snap = (d: Y.Doc): MeetingSnapshot => readMeeting(d).meeting;

describe('consentSummary in English', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  it.each([
    [[], ''],
    [['Ana'], 'Ana'],
    [['Ana', 'Ben'], 'Ana and Ben'],
    [['Ana', 'Ben', 'Cleo'], 'Ana, Ben and Cleo'],
    [['A', 'B', 'C', 'D'], 'A, B, C and D'],
    [['A', 'B', 'C', 'D', 'E'], 'A, B, C and 2 others'],
  ])('listNames(%j) is %j', (names, text) => {
    expect(listNames(names)).toBe(text);
  });

  function words(setup: (d: Y.Doc) => void): string {
    const d = doc();
    setup(d);
    const s = snap(d);
    return consentSummary(deriveConsent(s, 'i1'), s);
  }
  const round = (d: Y.Doc) => cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 1 });
  it.each<[string, (d: Y.Doc) => void, string]>([
    ['before a round', () => {}, 'No consent round yet'],
    ['with nobody having spoken', round, 'Waiting for Ana, Ben and fay'],
    [
      'with two still owed',
      (d) => {
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
      },
      'Waiting for Ana and Ben',
    ],
    [
      'with one object position and no card',
      (d) => {
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
        cmd.givePosition(d, 'i1', 'a', 'consent', 2);
        cmd.givePosition(d, 'i1', 'b', 'object', 2);
      },
      'Ben objects, no objection card yet',
    ],
    [
      'with stale positions',
      (d) => {
        cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 1 });
        cmd.givePosition(d, 'i1', 'a', 'consent', 2);
        cmd.givePosition(d, 'i1', 'b', 'object', 2);
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
      },
      'Waiting for Ana and Ben (Ana and Ben gave positions on an earlier round or text)',
    ],
    [
      'with one stale position',
      (d) => {
        cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 1 });
        cmd.givePosition(d, 'i1', 'a', 'consent', 2);
        round(d);
      },
      'Waiting for Ana, Ben and fay (Ana gave a position on an earlier round or text)',
    ],
    [
      'with two open objections',
      (d) => {
        round(d);
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'x', now: 2 });
        cmd.raiseObjection(d, { id: 'o2', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'y', now: 2 });
      },
      '2 objections to integrate',
    ],
    [
      'with one open objection',
      (d) => {
        round(d);
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'x', now: 2 });
      },
      '1 objection to integrate',
    ],
    [
      'when consented',
      (d) => {
        round(d);
        for (const p of ['a', 'b', 'f']) cmd.givePosition(d, 'i1', p, p === 'b' ? 'concern' : 'consent', 2);
      },
      'Consented — ready to record',
    ],
    [
      'with no member present',
      (d) => {
        round(d);
        for (const p of ['a', 'b', 'f']) cmd.setPresent(d, p, false);
      },
      'No members present',
    ],
    [
      'with two members objecting',
      (d) => {
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
        cmd.givePosition(d, 'i1', 'a', 'object', 2);
        cmd.givePosition(d, 'i1', 'b', 'object', 2);
      },
      'Ana and Ben object, no objection card yet',
    ],
  ])('reads %s as words', (_name, setup, text) => {
    expect(words(setup)).toBe(text);
  });
});

describe('consentSummary in Dutch', () => {
  beforeAll(() => i18n.changeLanguage('nl'));
  const round = (d: Y.Doc) => cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 1 });
  const summary = (setup: (d: Y.Doc) => void) => {
    const d = doc();
    setup(d);
    const s = snap(d);
    return consentSummary(deriveConsent(s, 'i1'), s);
  };

  it('lists names with “en” and counts the others', () => {
    expect(listNames(['Ana', 'Ben', 'Cleo'])).toBe('Ana, Ben en Cleo');
    expect(listNames(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C en 2 anderen');
  });

  it('says objections in singular and plural', () => {
    expect(
      summary((d) => {
        round(d);
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'x', now: 2 });
      }),
    ).toBe('1 bezwaar om te verwerken');
    expect(
      summary((d) => {
        round(d);
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'x', now: 2 });
        cmd.raiseObjection(d, { id: 'o2', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'y', now: 2 });
      }),
    ).toBe('2 bezwaren om te verwerken');
  });

  it('says who objects, in the verb’s number', () => {
    expect(
      summary((d) => {
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
        cmd.givePosition(d, 'i1', 'a', 'consent', 2);
        cmd.givePosition(d, 'i1', 'b', 'object', 2);
      }),
    ).toBe('Ben heeft bezwaar, nog geen bezwaarkaart');
    expect(
      summary((d) => {
        round(d);
        cmd.givePosition(d, 'i1', 'f', 'consent', 2);
        cmd.givePosition(d, 'i1', 'a', 'object', 2);
        cmd.givePosition(d, 'i1', 'b', 'object', 2);
      }),
    ).toBe('Ana en Ben hebben bezwaar, nog geen bezwaarkaart');
  });
});
