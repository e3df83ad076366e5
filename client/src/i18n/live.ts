// Word modules read the catalogues through these views: a section of the English
// catalogue names the keys (and their types); every read asks i18next, so it
// gives the current language's words, plurals and formatted dates.
import { i18n } from './i18n.ts';
import { en } from './catalogue.ts';

export type Live<S> = { readonly [K in keyof S]: S[K] extends string ? string : Live<S[K]> };
type Base<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** Looks up a key of one section; `count` picks the plural form. */
export type Tr<S> = (key: Base<keyof S & string>, values?: Record<string, unknown>) => string;

const paths = new WeakMap<object, string>();
(function walk(o: object, path: string) {
  paths.set(o, path);
  for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') walk(v, path ? `${path}.${k}` : k);
})(en, '');

const translate = i18n.t.bind(i18n) as unknown as (key: string, values?: Record<string, unknown>) => string;
export const t = (key: string, values?: Record<string, unknown>): string => translate(key, values);

function pathOf(section: object): string {
  const path = paths.get(section);
  if (path === undefined) throw new Error('words(): not a section of the English catalogue');
  return path;
}

/** A translator for one section: `tr(en.board.summary)('waiting', { names })`. */
export const tr = <S extends object>(section: S): Tr<S> => {
  const path = pathOf(section);
  return (key, values) => t(`${path}.${key}`, values);
};

function view(section: object, path: string, own: Record<string, unknown>): unknown {
  return new Proxy(section, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in own) return own[prop];
      const v = (target as Record<string, unknown>)[prop];
      if (typeof v === 'string') return t(`${path}.${prop}`);
      if (v !== null && typeof v === 'object') return view(v, `${path}.${prop}`, {});
      return undefined;
    },
  });
}

/** A live view of a catalogue section; `fns` adds the words that take values. */
export function words<S extends object, F extends object = Record<never, never>>(
  section: S,
  fns?: (t: Tr<S>) => F,
): Omit<Live<S>, keyof F> & F {
  const own = fns ? fns(tr(section)) : ({} as F);
  return view(section, pathOf(section), own as Record<string, unknown>) as Omit<Live<S>, keyof F> & F;
}
