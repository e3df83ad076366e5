import fc from 'fast-check';
import { encodeUtf8 } from 'lib0/string';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson, EMPTY_REVISION, fnv1a64, proposalNodes, proposalRevision, revisionOf } from './revision.ts';
import { meta, proposal, terms } from './schema.ts';

// A straightforward BigInt FNV-1a 64 over the platform's UTF-8 bytes, to check the limb arithmetic against.
function referenceFnv(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of encodeUtf8(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** A doc whose proposal for item `i1` is `<paragraph>text</paragraph>`. */
function docWith(text: string): { doc: Y.Doc; para: Y.XmlElement; ytext: Y.XmlText } {
  const doc = new Y.Doc();
  const para = new Y.XmlElement('paragraph');
  const ytext = new Y.XmlText();
  proposal(doc, 'i1').insert(0, [para]);
  para.insert(0, [ytext]);
  ytext.insert(0, text);
  return { doc, para, ytext };
}

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('matches the published test vector for %j', (input, hash) => {
    expect(fnv1a64(input)).toBe(hash);
  });

  it('matches a BigInt reference on any string, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fnv1a64(text)).toBe(referenceFnv(text));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: null, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":null}]},"b":1}');
  });
  it('writes non-finite numbers as null, bigints and bytes as plain JSON', () => {
    expect(canonicalJson([Number.NaN, Infinity, 2n, new Uint8Array([1, 2]), undefined, () => 1, Symbol('s'), false])).toBe(
      '[null,null,"2",[1,2],null,null,null,false]',
    );
  });
});

describe('proposalNodes', () => {
  it('reads elements, attributes, text and marks as plain nodes', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    const htext = new Y.XmlText();
    const para = new Y.XmlElement('paragraph');
    const ptext = new Y.XmlText();
    proposal(doc, 'i1').insert(0, [heading, para]);
    heading.insert(0, [htext]);
    para.insert(0, [ptext]);
    htext.insert(0, 'Aim');
    ptext.insert(0, 'We buy a kettle');
    ptext.format(7, 8, { bold: {}, link: { href: 'https://example.org' } });
    expect(proposalNodes(proposal(doc, 'i1'))).toEqual([
      { type: 'element', name: 'heading', attrs: { level: 2 }, children: [{ type: 'text', text: 'Aim', marks: {} }] },
      {
        type: 'element',
        name: 'paragraph',
        attrs: {},
        children: [
          { type: 'text', text: 'We buy ', marks: {} },
          { type: 'text', text: 'a kettle', marks: { bold: {}, link: { href: 'https://example.org' } } },
        ],
      },
    ]);
  });

  it('merges adjacent text runs with equal marks and drops empty ones', () => {
    const doc = new Y.Doc();
    const para = new Y.XmlElement('paragraph');
    const a = new Y.XmlText();
    const b = new Y.XmlText();
    const empty = new Y.XmlText();
    proposal(doc, 'i1').insert(0, [para]);
    para.insert(0, [a, empty, b]);
    a.insert(0, 'con');
    b.insert(0, 'sent');
    expect(proposalNodes(proposal(doc, 'i1'))).toEqual([
      { type: 'element', name: 'paragraph', attrs: {}, children: [{ type: 'text', text: 'consent', marks: {} }] },
    ]);
  });

  it('keeps unusual attribute and mark values in a stable plain form', () => {
    const doc = new Y.Doc();
    const el = new Y.XmlElement('image');
    const text = new Y.XmlText();
    proposal(doc, 'i1').insert(0, [el, text]);
    el.setAttribute('size', { w: 2, h: 1 } as unknown as string);
    el.setAttribute('ratio', Number.NaN as unknown as string);
    el.setAttribute('alt', null as unknown as string);
    el.setAttribute('wide', true as unknown as string);
    text.insert(0, 'x', { strong: true, color: 'red', gone: false });
    text.insertEmbed(1, { kind: 'emoji' });
    expect(proposalNodes(proposal(doc, 'i1'))).toEqual([
      { type: 'element', name: 'image', attrs: { size: '{"h":1,"w":2}', ratio: null, alt: null, wide: true }, children: [] },
      { type: 'text', text: 'x', marks: { strong: true, color: { value: 'red' } } },
    ]);
  });
});

/** Pinned in docs/document-schema.md: "Hello" with the term { reviewDate: 2027-06-01, measure: "Used daily" }, and with no date. */
const TERM_VECTORS = { dated: '1fe37e788f385ae0', undated: '28b5f938dd5ae65b' };

describe('revision', () => {
  it('is 16 hex digits, fixed for a given content on every platform', () => {
    expect(EMPTY_REVISION).toBe(fnv1a64('[]'));
    const { doc } = docWith('Hello');
    // pinned: docs/document-schema.md gives this example for other implementations
    expect(canonicalJson(proposalNodes(proposal(doc, 'i1')))).toBe(
      '[{"attrs":{},"children":[{"marks":{},"text":"Hello","type":"text"}],"name":"paragraph","type":"element"}]',
    );
    expect(proposalRevision(doc, 'i1')).toMatch(/^[0-9a-f]{16}$/);
    expect(proposalRevision(doc, 'i1')).toBe(referenceFnv(canonicalJson(proposalNodes(proposal(doc, 'i1')))));
  });

  it('[C11] matches the test vectors of docs/document-schema.md', () => {
    expect(EMPTY_REVISION).toBe('09612b07b5ecb5a5');
    const t = docWith('Hello');
    expect(proposalRevision(t.doc, 'i1')).toBe('2d60d971c4d8efdb');
    t.ytext.insert(5, ' world');
    t.ytext.format(6, 5, { bold: {} });
    t.para.setAttribute('textAlign', 'left');
    expect(canonicalJson(proposalNodes(proposal(t.doc, 'i1')))).toBe(
      '[{"attrs":{"textAlign":"left"},"children":[{"marks":{},"text":"Hello ","type":"text"},{"marks":{"bold":{}},"text":"world","type":"text"}],"name":"paragraph","type":"element"}]',
    );
    expect(proposalRevision(t.doc, 'i1')).toBe('44f73530c0ebd615');
  });

  it('[C11] matches the term test vectors of docs/document-schema.md', () => {
    const t = docWith('Hello');
    terms(t.doc).set('i1', { reviewDate: '2027-06-01', measure: 'Used daily' });
    const nodes = '[{"attrs":{},"children":[{"marks":{},"text":"Hello","type":"text"}],"name":"paragraph","type":"element"}]';
    expect(canonicalJson({ nodes: proposalNodes(proposal(t.doc, 'i1')), term: { reviewDate: '2027-06-01', measure: 'Used daily' } })).toBe(
      `{"nodes":${nodes},"term":{"measure":"Used daily","reviewDate":"2027-06-01"}}`,
    );
    expect(proposalRevision(t.doc, 'i1')).toBe(TERM_VECTORS.dated);
    expect(referenceFnv(`{"nodes":${nodes},"term":{"measure":"Used daily","reviewDate":"2027-06-01"}}`)).toBe(TERM_VECTORS.dated);
    terms(t.doc).set('i1', { reviewDate: null, measure: 'Used daily' });
    expect(proposalRevision(t.doc, 'i1')).toBe(TERM_VECTORS.undated);
    expect(referenceFnv(`{"nodes":${nodes},"term":{"measure":"Used daily","reviewDate":null}}`)).toBe(TERM_VECTORS.undated);
    // an empty term is no term: documents written before terms keep their revisions
    terms(t.doc).set('i1', { reviewDate: null, measure: '' });
    expect(proposalRevision(t.doc, 'i1')).toBe('2d60d971c4d8efdb');
    terms(t.doc).set('i1', { reviewDate: '2027-06-01', measure: 7 });
    expect(proposalRevision(t.doc, 'i1')).toBe('2d60d971c4d8efdb');
  });

  const termChanges: [string, { reviewDate: string | null; measure: string }][] = [
    ['setting a review date', { reviewDate: '2027-06-01', measure: '' }],
    ['setting a measure', { reviewDate: null, measure: 'Used daily' }],
  ];
  it.each(termChanges)('[C11] changes on %s, and again on changing it', (_name, term) => {
    const t = docWith('Hello');
    const bare = proposalRevision(t.doc, 'i1');
    terms(t.doc).set('i1', term);
    const first = proposalRevision(t.doc, 'i1');
    expect(first).not.toBe(bare);
    terms(t.doc).set('i1', { reviewDate: term.reviewDate && '2027-06-02', measure: term.measure && 'Used twice a day' });
    expect(proposalRevision(t.doc, 'i1')).not.toBe(first);
    expect(terms(t.doc).get('other')).toBeUndefined();
  });

  it('reads an item without a fragment as the empty proposal', () => {
    expect(proposalRevision(new Y.Doc(), 'none')).toBe(EMPTY_REVISION);
  });

  type Edit = (t: { doc: Y.Doc; para: Y.XmlElement; ytext: Y.XmlText }) => void;
  const changes: [string, Edit][] = [
    ['inserting text', ({ ytext }) => ytext.insert(5, '!')],
    ['deleting text', ({ ytext }) => ytext.delete(0, 1)],
    ['bolding a word', ({ ytext }) => ytext.format(0, 5, { bold: {} })],
    ['changing a mark attribute', ({ ytext }) => ytext.format(0, 5, { link: { href: 'b' } })],
    ['changing a node attribute', ({ para }) => para.setAttribute('textAlign', 'center')],
    [
      'splitting the paragraph',
      ({ doc, ytext }) => {
        ytext.delete(2, 3);
        const p2 = new Y.XmlElement('paragraph');
        const t2 = new Y.XmlText();
        proposal(doc, 'i1').insert(1, [p2]);
        p2.insert(0, [t2]);
        t2.insert(0, 'llo');
      },
    ],
  ];
  it.each(changes)('changes on %s', (_name, edit) => {
    const t = docWith('Hello');
    const before = proposalRevision(t.doc, 'i1');
    edit(t);
    expect(proposalRevision(t.doc, 'i1')).not.toBe(before);
  });

  const nonChanges: [string, Edit][] = [
    [
      're-applying the same mark',
      ({ ytext }) => {
        ytext.format(0, 5, { italic: {} });
        ytext.format(0, 5, { italic: null });
      },
    ],
    [
      'deleting and re-typing the same text',
      ({ ytext }) => {
        ytext.delete(0, 5);
        ytext.insert(0, 'Hel');
        ytext.insert(3, 'lo');
      },
    ],
    [
      'an unrelated document change',
      ({ doc }) => {
        meta(doc).set('title', 'Budget');
        proposal(doc, 'other').insert(0, [new Y.XmlText('x')]);
      },
    ],
    [
      'setting an attribute to its current value',
      ({ para }) => {
        para.setAttribute('textAlign', 'left');
        para.removeAttribute('textAlign');
      },
    ],
  ];
  it.each(nonChanges)('does not change on %s', (_name, edit) => {
    const t = docWith('Hello');
    const before = proposalRevision(t.doc, 'i1');
    edit(t);
    expect(proposalRevision(t.doc, 'i1')).toBe(before);
  });

  it('is equal for equal content written with different histories on different peers', () => {
    const a = docWith('Hello').doc;
    const b = docWith('lo');
    b.ytext.insert(0, 'Hel');
    expect(proposalRevision(b.doc, 'i1')).toBe(proposalRevision(a, 'i1'));
  });

  it('is equal on two peers after their concurrent edits meet, in both delivery orders', () => {
    const base = docWith('Hello');
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base.doc));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base.doc));
    const textOf = (d: Y.Doc) => (proposal(d, 'i1').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textOf(a).insert(5, ' world');
    textOf(b).format(0, 5, { bold: {} });
    const ua = Y.encodeStateAsUpdate(a);
    const ub = Y.encodeStateAsUpdate(b);
    Y.applyUpdate(a, ub);
    Y.applyUpdate(b, ua);
    expect(proposalRevision(a, 'i1')).toBe(proposalRevision(b, 'i1'));
    expect(revisionOf(proposalNodes(proposal(a, 'i1')))).not.toBe(proposalRevision(base.doc, 'i1'));
  });
});
