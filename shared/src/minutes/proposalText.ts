// A proposal's plain nodes (TipTap/ProseMirror names) as Markdown for the
// minutes and as plain text for the decision recorded in the log.
import type { ProposalNode } from '../types.ts';

type Element = Extract<ProposalNode, { type: 'element' }>;
type Text = Extract<ProposalNode, { type: 'text' }>;

/** Plain text: one line per paragraph, heading, list item or code line; hard breaks are newlines. */
export function proposalPlainText(nodes: readonly ProposalNode[]): string {
  const lines: string[] = [];
  const walk = (list: readonly ProposalNode[]): void => {
    let line: string | null = null;
    for (const node of list) {
      if (node.type === 'text' || node.name === 'hardBreak') {
        line = (line ?? '') + (node.type === 'text' ? node.text : '\n');
        continue;
      }
      if (line !== null) lines.push(line);
      line = null;
      walk(node.children);
    }
    if (line !== null) lines.push(line);
  };
  walk(nodes);
  return lines.join('\n');
}

/** Markdown (CommonMark) of the proposal; every character of user text is escaped where Markdown would read it. */
export function proposalMarkdown(nodes: readonly ProposalNode[]): string {
  return blocks(nodes).join('\n\n');
}

function blocks(nodes: readonly ProposalNode[]): string[] {
  const out: string[] = [];
  let inline: ProposalNode[] = [];
  const flush = (): void => {
    if (inline.length > 0) out.push(inlineMarkdown(inline));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'text' || node.name === 'hardBreak') {
      inline.push(node);
      continue;
    }
    flush();
    const block = blockMarkdown(node);
    if (block !== '') out.push(block);
  }
  flush();
  return out;
}

function blockMarkdown(node: Element): string {
  switch (node.name) {
    case 'paragraph':
      return inlineMarkdown(node.children);
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return `${'#'.repeat(level)} ${inlineMarkdown(node.children)}`;
    }
    case 'bulletList':
      return listItems(node)
        .map((item) => indent('- ', item))
        .join('\n');
    case 'orderedList': {
      const start = Math.max(0, Math.trunc(Number(node.attrs.start ?? 1)) || 1);
      return listItems(node)
        .map((item, i) => indent(`${start + i}. `, item))
        .join('\n');
    }
    case 'blockquote':
      return blocks(node.children)
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'codeBlock': {
      const code = node.children.map((c) => (c.type === 'text' ? c.text : '\n')).join('');
      const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
      const language = typeof node.attrs.language === 'string' ? node.attrs.language.replace(/[^\w+#.-]/g, '') : '';
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    default:
      return blocks(node.children).join('\n\n');
  }
}

function listItems(list: Element): string[] {
  return list.children.map((child) =>
    child.type === 'element' && child.name === 'listItem' ? blocks(child.children).join('\n\n') : blocks([child]).join('\n\n'),
  );
}

function indent(marker: string, text: string): string {
  const pad = ' '.repeat(marker.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? marker + line : line === '' ? '' : pad + line))
    .join('\n');
}

// Marks in a fixed order so that equal content always renders equally.
const WRAP: readonly [string, string][] = [
  ['bold', '**'],
  ['italic', '*'],
  ['strike', '~~'],
];

function inlineMarkdown(nodes: readonly ProposalNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'element') {
      out += node.name === 'hardBreak' ? '\\\n' : inlineMarkdown(node.children);
      continue;
    }
    out += textMarkdown(node);
  }
  return escapeLineStarts(out);
}

function textMarkdown(node: Text): string {
  const lead = /^\s*/.exec(node.text)![0];
  const trail = node.text.length > lead.length ? /\s*$/.exec(node.text)![0] : '';
  const core = node.text.slice(lead.length, node.text.length - trail.length);
  if (core === '') return node.text;
  let body: string;
  if (node.marks.code !== undefined) {
    const ticks = '`'.repeat(longestRun(core, '`') + 1);
    const pad = core.startsWith('`') || core.endsWith('`') ? ' ' : '';
    body = `${ticks}${pad}${core}${pad}${ticks}`;
  } else {
    body = escapeMarkdown(core);
  }
  for (const [mark, wrap] of WRAP) if (node.marks[mark] !== undefined) body = `${wrap}${body}${wrap}`;
  const link = node.marks.link;
  const href = typeof link === 'object' && typeof link.href === 'string' ? link.href : null;
  if (href !== null && /^(https?:|mailto:)/i.test(href)) body = `[${body}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
  return lead + body + trail;
}

/**
 * Backslash-escapes what Markdown would read as syntax or HTML inside a line,
 * and nothing else [MD1]: ordinary brackets and parentheses stay as written;
 * a `]` is escaped only where it would close a link (`](`, `][`, `]:`), `&`
 * only where it would start an entity.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_<>|~]/g, '\\$&')
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&');
}

/** Plain multi-line user text as Markdown: escaped, with its line breaks kept (blank lines part paragraphs). */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((para) => escapeLineStarts(escapeMarkdown(para.trim())).replace(/\n/g, '\\\n'))
    .filter((para) => para !== '')
    .join('\n\n');
}

/** A line that starts like a list, heading, rule or quote is escaped at its start. */
function escapeLineStarts(text: string): string {
  return text.replace(/(^|\n)([ \t]*)([-=>#+]|\d+(?=[.)]))/g, (_m, nl: string, ws: string, mark: string) =>
    /^\d/.test(mark) ? `${nl}${ws}${mark}\\` : `${nl}${ws}\\${mark}`,
  );
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** [C17] A proposal with no text: nothing to consent to (an empty paragraph is still blank). */
export function isBlankProposal(nodes: readonly ProposalNode[]): boolean {
  return proposalPlainText(nodes).trim() === '';
}
