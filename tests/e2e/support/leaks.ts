// The leak scan: English catalogue values (those that differ in the other language)
// that appear in a page's visible text, labels, titles or placeholders.
import type { Page } from 'playwright-core';
import { en } from '../../../client/src/i18n/catalogue.ts';

/** Words the same in both languages or not the board's to translate: product and format names, typed content. */
export const SAME_IN_EVERY_LANGUAGE = ['Consent Board', 'Consent', 'OK', 'Markdown', 'HTML', 'JSON', 'QR'];

function leaves(o: object, path = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(o)) {
    const p = path ? `${path}.${k}` : k;
    if (typeof v === 'string') out.set(p, v);
    else leaves(v as object, p, out);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English fragments (placeholders cut out) to look for, given the other language's catalogue. */
export function englishFragments(other: object): { key: string; fragment: string; re: RegExp }[] {
  const theirs = leaves(other);
  const theirWords = new Set([...theirs.values()].flatMap((v) => v.toLowerCase().split(/[^\p{L}]+/u)));
  const out: { key: string; fragment: string; re: RegExp }[] = [];
  for (const [key, value] of leaves(en)) {
    if (theirs.get(key) === value) continue;
    for (const raw of value.split(/\{\{[^}]*\}\}/)) {
      const fragment = raw.replace(/^[\s()“”:;,.·—–-]+|[\s()“”:;,.·—–…-]+$/g, '');
      if (!/\p{L}{2}/u.test(fragment) || SAME_IN_EVERY_LANGUAGE.includes(fragment)) continue;
      const single = !/\s/.test(fragment);
      if (single && (fragment.length < 4 || theirWords.has(fragment.toLowerCase()))) continue;
      out.push({ key, fragment, re: new RegExp(`(?<!\\p{L})${escapeRegExp(fragment)}(?!\\p{L})`, 'u') });
    }
  }
  return out;
}

/** Everything a person sees or hears on the page: text, and aria-labels, titles, placeholders and alt texts. */
export async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, document.title, ...attrs].join('\n');
  });
}

/** The English fragments found on the page, with the catalogue key each came from. */
export async function englishLeaks(page: Page, other: object): Promise<string[]> {
  const text = await visibleWords(page);
  return englishFragments(other)
    .filter((f) => f.re.test(text))
    .map((f) => `${f.key}: “${f.fragment}”`);
}
