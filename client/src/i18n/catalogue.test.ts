// The catalogues: Dutch has every English key and no empty value; plurals and dates go through i18next.
import { describe, expect, it } from 'vitest';
import { en } from './catalogue.ts';
import { nl } from './nl/index.ts';
import { i18n, pickLanguage } from './i18n.ts';
import { t } from './live.ts';

function leaves(o: object, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const p = path ? `${path}.${k}` : k;
    if (typeof v === 'string') out.set(p, v);
    else for (const [kk, vv] of leaves(v as object, p)) out.set(kk, vv);
  }
  return out;
}

describe('catalogues', () => {
  it('Dutch has every English key, no other key, and no empty value', () => {
    const e = leaves(en);
    const n = leaves(nl);
    expect([...n.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [k, v] of n) expect(v.trim(), k).not.toBe('');
  });

  it('every placeholder of an English value is in its Dutch value', () => {
    const n = leaves(nl);
    for (const [k, v] of leaves(en)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
      expect(names(n.get(k) ?? ''), k).toEqual(names(v));
    }
  });

  it('plurals follow each language', async () => {
    await i18n.changeLanguage('en');
    expect(t('board.summary.objections', { count: 1 })).toBe('1 objection to integrate');
    expect(t('board.summary.objections', { count: 2 })).toBe('2 objections to integrate');
    await i18n.changeLanguage('nl');
    expect(t('board.summary.objections', { count: 1 })).toBe('1 bezwaar om te verwerken');
    expect(t('board.summary.objections', { count: 2 })).toBe('2 bezwaren om te verwerken');
    expect(t('method.absentCounts.setAside', { count: 1 })).toMatch(/^1 bezwaar .* blokkeert niet/);
    expect(t('method.absentCounts.setAside', { count: 3 })).toMatch(/^3 bezwaren .* blokkeren niet/);
  });

  it('dates are formatted for the language', async () => {
    const at = Date.UTC(2026, 10, 26, 12);
    await i18n.changeLanguage('nl');
    expect(t('ui.decision.date', { at: new Date(at), formatParams: { at: { dateStyle: 'long', timeZone: 'UTC' } } })).toBe(
      '26 november 2026',
    );
    await i18n.changeLanguage('en');
    expect(t('ui.decision.date', { at: new Date(at), formatParams: { at: { dateStyle: 'long', timeZone: 'UTC' } } })).toBe(
      'November 26, 2026',
    );
  });

  it('the language comes from the device’s choice, else the browser, else English', () => {
    expect(pickLanguage(null, ['nl-NL', 'en'])).toBe('nl');
    expect(pickLanguage(null, ['de-DE', 'nl-BE'])).toBe('nl');
    expect(pickLanguage('en', ['nl-NL'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR'])).toBe('en');
  });
});
