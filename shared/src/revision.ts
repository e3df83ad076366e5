// A proposal's content as plain nodes and its revision: a stable 64-bit
// FNV-1a hash of a canonical JSON form of its text and its term, the same on
// Node and in a browser.
import * as Y from 'yjs';
import { TermSchema, proposal, terms, type Term } from './schema.ts';
import type { ProposalNode } from './types.ts';

type Attr = string | number | boolean | null;
type Marks = Extract<ProposalNode, { type: 'text' }>['marks'];

/**
 * The fragment's content as plain nodes, normalised so that equal content gives
 * equal nodes however it was written: empty text runs are dropped and adjacent
 * runs with equal marks are merged. Embeds and hooks carry no proposal text and
 * are left out.
 */
export function proposalNodes(fragment: Y.XmlFragment | Y.XmlElement): ProposalNode[] {
  const out: ProposalNode[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlElement) {
      out.push({ type: 'element', name: child.nodeName, attrs: plainAttrs(child.getAttributes()), children: proposalNodes(child) });
    } else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert === 'string') pushText(out, op.insert, plainMarks(op.attributes ?? {}));
      }
    }
  }
  return out;
}

/**
 * The revision of a proposal: its plain nodes and its term [C11]. 16 lowercase
 * hex digits. Without a term (none, or no review date and an empty measure) it
 * hashes the nodes alone, so revisions of proposals written before terms existed
 * stay as they were; with one it hashes `{ nodes, term }`.
 */
export function revisionOf(nodes: readonly ProposalNode[], term: Term | null = null): string {
  const t = hasTerm(term) ? { reviewDate: term.reviewDate, measure: term.measure } : null;
  return fnv1a64(canonicalJson(t ? { nodes, term: t } : nodes));
}

/** A term that says something: a review date or a measure. */
export const hasTerm = (term: Term | null | undefined): term is Term => !!term && (term.reviewDate !== null || term.measure !== '');

/** The item's term as the document holds it; an entry that fails its schema reads as none. */
export function termOf(doc: Y.Doc, itemId: string): Term | null {
  const parsed = TermSchema.safeParse(terms(doc).get(itemId));
  return parsed.success ? parsed.data : null;
}

/** The current revision of an agenda item's proposal, its term included (an absent fragment reads as empty). */
export function proposalRevision(doc: Y.Doc, itemId: string): string {
  return revisionOf(proposalNodes(proposal(doc, itemId)), termOf(doc, itemId));
}

/** The revision of an empty proposal. */
export const EMPTY_REVISION = revisionOf([]);

function pushText(out: ProposalNode[], text: string, marks: Marks): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.type === 'text' && canonicalJson(last.marks) === canonicalJson(marks)) {
    out[out.length - 1] = { type: 'text', text: last.text + text, marks: last.marks };
  } else {
    out.push({ type: 'text', text, marks });
  }
}

// Attribute values outside the plain scalar types are kept as their canonical
// JSON text, so that changing them still changes the revision.
function plainAttrs(attrs: Record<string, unknown>): Record<string, Attr> {
  const out: Record<string, Attr> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'number') out[key] = Number.isFinite(value) ? value : null;
    else out[key] = canonicalJson(value);
  }
  return out;
}

// A mark is stored as a text attribute whose value is the mark's attrs object
// (`{}` for a mark without attrs); a bot may write `true` or a scalar instead.
function plainMarks(attributes: Record<string, unknown>): Marks {
  const out: Marks = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (value === true) out[name] = true;
    else if (typeof value === 'object' && !Array.isArray(value)) out[name] = JSON.parse(canonicalJson(value)) as Record<string, unknown>;
    else out[name] = { value: JSON.parse(canonicalJson(value)) as unknown };
  }
  return out;
}

/**
 * JSON with object keys sorted by UTF-16 code units, `undefined` members left
 * out and non-finite numbers written as `null`; strings escaped as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      if (value instanceof Uint8Array) return canonicalJson(Array.from(value));
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined && typeof record[k] !== 'function')
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      return 'null';
  }
}

/**
 * 64-bit FNV-1a over the UTF-8 bytes of `text` (lone surrogates as U+FFFD),
 * computed in four 16-bit limbs so that it needs no BigInt and stays exact.
 */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325, least significant limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    // multiply by the FNV prime 2^40 + 0x1b3, modulo 2^64
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    }
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}
