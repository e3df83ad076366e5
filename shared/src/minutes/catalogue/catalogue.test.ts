// The minutes' catalogues: Dutch has every English key; the minutes render in Dutch
// with Dutch plurals and no English word of the catalogue left; English stays the default.
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { nl } from './nl.ts';
import { isMinutesLanguage, minutesT } from './index.ts';
import { buildMinutes, minutesHtml, minutesMarkdown } from '../index.ts';
import { readMeeting } from '../../snapshot.ts';
import { heldMeeting, MIN, T0 } from '../../testing/heldMeeting.ts';

function leaves(o: object, path = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(o)) {
    const p = path ? `${path}.${k}` : k;
    if (typeof v === 'string') out.set(p, v);
    else leaves(v as object, p, out);
  }
  return out;
}

describe('the minutes’ catalogues', () => {
  it('Dutch has every English key, the same placeholders, and no empty value', () => {
    const e = leaves(en);
    const n = leaves(nl);
    expect([...n.keys()].sort()).toEqual([...e.keys()].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [k, v] of e) {
      expect(n.get(k)?.trim(), k).not.toBe('');
      expect(placeholders(n.get(k) ?? ''), k).toEqual(placeholders(v));
    }
  });

  it('plurals follow each language', () => {
    expect(minutesT('en')('evaluationCards', { count: 1 })).toBe('1 evaluation card.');
    expect(minutesT('en')('evaluationCards', { count: 2 })).toBe('2 evaluation cards.');
    expect(minutesT('nl')('evaluationCards', { count: 1 })).toBe('1 evaluatiekaart.');
    expect(minutesT('nl')('evaluationCards', { count: 2 })).toBe('2 evaluatiekaarten.');
    expect(minutesT('nl')('exitOpen', { exit: 'Uitgesteld', count: 1 })).toBe('Uitgesteld, met 1 bezwaar dat nog verwerkt moet worden.');
    expect(minutesT('nl')('exitOpen', { exit: 'Uitgesteld', count: 2 })).toBe('Uitgesteld, met 2 bezwaren die nog verwerkt moeten worden.');
  });

  it('knows its languages', () => {
    expect(isMinutesLanguage('nl')).toBe(true);
    expect(isMinutesLanguage('xx')).toBe(false);
  });
});

describe('minutes in Dutch', () => {
  const t = minutesT('nl');
  const m = buildMinutes(readMeeting(heldMeeting()).meeting, { meetingId: 'm1', now: T0 + 40 * MIN, t });
  const md = minutesMarkdown(m, t);
  const html = minutesHtml(m, t, 'nl');

  it('speak Dutch: headings, facts, consent, decision, timeline', () => {
    for (const text of [
      '## Aanwezigheid',
      '**Kring:** Ops',
      '**Fase:** gesloten',
      '## Agendapunten',
      '#### Besluit',
      'Besloten op 2026-11-26 09:20 UTC',
      'Buy a kettle: consentronde 2',
      '2 evaluatiekaarten.',
    ]) {
      expect(md).toContain(text);
    }
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>Verslag: Ops circle</title>');
  });

  it('leave no English word of the catalogue that differs in Dutch', () => {
    const dutch = leaves(nl);
    const dutchWords = new Set([...dutch.values()].flatMap((v) => v.toLowerCase().split(/[^\p{L}]+/u)));
    const typed = [
      'Ops circle',
      'Ops',
      'Keep the office running',
      'Buy a kettle',
      'News',
      'We buy a kettle',
      'It is a quiet one',
      'Too loud',
      'Costly',
      'Quiet model',
      'Nobody waits for hot water',
      'All arrived',
      'Ben orders it',
      'Good pace',
    ];
    let text = `${md}\n${html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ')}`;
    for (const s of typed) text = text.split(s).join(' ');
    const leaks: string[] = [];
    for (const [key, value] of leaves(en)) {
      if (dutch.get(key) === value) continue;
      for (const raw of value.split(/\{\{[^}]*\}\}/)) {
        const fragment = raw.replace(/^[\s():;,.·→–-]+|[\s():;,.·→–-]+$/g, '');
        if (!/\p{L}{2}/u.test(fragment) || (!/\s/.test(fragment) && (fragment.length < 4 || dutchWords.has(fragment.toLowerCase()))))
          continue;
        if (new RegExp(`(?<!\\p{L})${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text))
          leaks.push(`${key}: ${fragment}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
