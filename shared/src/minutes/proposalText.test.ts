import { describe, expect, it } from 'vitest';
import type { ProposalNode } from '../types.ts';
import { escapeMarkdown, markdownText, proposalMarkdown, proposalPlainText } from './proposalText.ts';
import { nodesHtml } from './html.ts';

const t = (text: string, marks: Record<string, Record<string, unknown> | true> = {}): ProposalNode => ({ type: 'text', text, marks });
const el = (name: string, children: ProposalNode[] = [], attrs: Record<string, string | number | boolean | null> = {}): ProposalNode => ({
  type: 'element',
  name,
  attrs,
  children,
});
const p = (...children: ProposalNode[]): ProposalNode => el('paragraph', children);
const li = (...children: ProposalNode[]): ProposalNode => el('listItem', children);

const CASES: [string, ProposalNode[], string][] = [
  ['paragraphs', [p(t('One.')), p(t('Two.'))], 'One.\n\nTwo.'],
  [
    'headings by level, clamped',
    [el('heading', [t('Title')], { level: 2 }), el('heading', [t('Deep')], { level: 9 })],
    '## Title\n\n###### Deep',
  ],
  ['bold, italic, strike together', [p(t('all', { bold: {}, italic: {}, strike: {} }))], '~~***all***~~'],
  ['marks keep the spaces outside', [p(t('a '), t(' b ', { bold: {} }), t('c'))], 'a  **b** c'],
  ['inline code keeps its text and outgrows its backticks', [p(t('x `y` z', { code: {} }))], '``x `y` z``'],
  ['code starting with a backtick is padded', [p(t('`a', { code: {} }))], '`` `a ``'],
  [
    'a bullet list with a nested list',
    [el('bulletList', [li(p(t('one')), el('bulletList', [li(p(t('inner')))])), li(p(t('two')))])],
    '- one\n\n  - inner\n- two',
  ],
  ['an ordered list from its start', [el('orderedList', [li(p(t('a'))), li(p(t('b')))], { start: 3 })], '3. a\n4. b'],
  ['a blockquote of two paragraphs', [el('blockquote', [p(t('a')), p(t('b'))])], '> a\n>\n> b'],
  ['a hard break', [p(t('line'), el('hardBreak'), t('next'))], 'line\\\nnext'],
  ['a code block with backticks inside', [el('codeBlock', [t('a ```\nb')], { language: 'ts' })], '````ts\na ```\nb\n````'],
  ['a horizontal rule', [p(t('a')), el('horizontalRule'), p(t('b'))], 'a\n\n---\n\nb'],
  ['an http link, escaped', [p(t('site', { link: { href: 'https://example.org/a b' } }))], '[site](<https://example.org/a%20b>)'],
  ['a javascript link is text only', [p(t('x', { link: { href: 'javascript:alert(1)' } }))], 'x'],
  ['Markdown syntax in text is escaped', [p(t('*not bold* <b>raw</b> [x](y) # h'))], '\\*not bold\\* \\<b\\>raw\\</b\\> [x\\](y) # h'],
  ['[MD1] ordinary brackets and parentheses stay as written', [p(t('Budget (2027) [draft], 5 & 6'))], 'Budget (2027) [draft], 5 & 6'],
  [
    '[MD1] what would be a link, an image, a reference or an entity is escaped',
    [p(t('![i](u) [a][b] [c]: d &amp;'))],
    '![i\\](u) [a\\][b] [c\\]: d \\&amp;',
  ],
  [
    '[MD1] a line that starts like a heading is escaped',
    [p(t('# not a heading')), p(t('+ not a list'))],
    '\\# not a heading\n\n\\+ not a list',
  ],
  ['a line that starts like a list is escaped', [p(t('- item')), p(t('2. second')), p(t('1) x'))], '\\- item\n\n2\\. second\n\n1\\) x'],
  ['text straight under the fragment', [t('loose'), p(t('para'))], 'loose\n\npara'],
  ['an unknown element renders its content', [el('callout', [p(t('inside'))])], 'inside'],
  ['an empty paragraph and whitespace-only text', [p(), p(t('  '))], '  '],
];

describe('proposalMarkdown', () => {
  for (const [title, nodes, markdown] of CASES) it(title, () => expect(proposalMarkdown(nodes)).toBe(markdown));
});

describe('proposalPlainText', () => {
  it('writes one line per block and keeps hard breaks', () => {
    const nodes = [
      el('heading', [t('Kettle')], { level: 1 }),
      p(t('Buy '), t('one', { bold: {} }), el('hardBreak'), t('soon')),
      el('bulletList', [li(p(t('quiet'))), li(p(t('cheap')))]),
    ];
    expect(proposalPlainText(nodes)).toBe('Kettle\nBuy one\nsoon\nquiet\ncheap');
  });

  it('reads an empty proposal as empty text', () => expect(proposalPlainText([])).toBe(''));
});

describe('markdownText and escapeMarkdown', () => {
  it('keeps paragraphs and line breaks of user text, escaped', () => {
    expect(markdownText('# one\ntwo\r\n\r\n\n- three')).toBe('\\# one\\\ntwo\n\n\\- three');
  });

  it('[MD1] escapes the characters Markdown reads as syntax inside a line, and no ordinary bracket', () => {
    expect(escapeMarkdown('\\`*_{}[]<>()#+!|~&')).toBe('\\\\\\`\\*\\_{}[]\\<\\>()#+!\\|\\~&');
    expect(escapeMarkdown('[a](b) [c]: d &lt;')).toBe('[a\\](b) [c\\]: d \\&lt;');
  });
});

describe('nodesHtml', () => {
  it('maps the TipTap nodes and marks to tags, escaping all text', () => {
    const nodes = [
      el('heading', [t('H')], { level: 1 }),
      el('heading', [t('h3')], { level: 3 }),
      p(
        t('<b>', { bold: {} }),
        t('i', { italic: {} }),
        t('s', { strike: {} }),
        t('c', { code: {} }),
        el('hardBreak'),
        t('u', { underline: {} }),
      ),
      el('orderedList', [li(p(t('x')))], { start: 2 }),
      el('bulletList', [li(p(t('y')))]),
      el('blockquote', [p(t('q'))]),
      el('codeBlock', [t('a < b')]),
      el('horizontalRule'),
      el('mystery', [t('m')]),
    ];
    expect(nodesHtml(nodes)).toBe(
      '<h5>H</h5><h6>h3</h6><p><strong>&lt;b&gt;</strong><em>i</em><s>s</s><code>c</code><br><u>u</u></p><ol start="2"><li><p>x</p></li></ol>' +
        '<ul><li><p>y</p></li></ul><blockquote><p>q</p></blockquote><pre><code>a &lt; b</code></pre><hr><div>m</div>',
    );
  });

  it('links only http, https and mailto, with the address escaped', () => {
    expect(nodesHtml([t('a', { link: { href: 'https://x.org/?q="1"' } })])).toBe(
      '<a href="https://x.org/?q=&quot;1&quot;" rel="noopener noreferrer">a</a>',
    );
    expect(nodesHtml([t('a', { link: { href: 'javascript:alert(1)' } })])).toBe('a');
    expect(nodesHtml([el('orderedList', [], { start: 1 })])).toBe('<ol></ol>');
  });
});
