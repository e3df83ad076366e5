// The Markdown and HTML sections of what a meeting hands on: action items,
// evaluation answers and "Carried to the next meeting" (AI5, E4, BL6), and the
// line that says how a deferred item left (O7).
import { escapeMarkdown } from './proposalText.ts';
import { EXIT_WORDS, SOURCE_WORDS, WAY_THROUGH_WORDS } from './followUpWords.ts';
import type { MinutesCard, MinutesItem, MinutesJson } from './types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
const md = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/^$/, '–');

/** [O1] "Amended the text" for an integrated objection that recorded its way through. */
export const wayThroughText = (c: MinutesCard): string | null => (c.path === null ? null : WAY_THROUGH_WORDS[c.path]);

/** [O7] How a deferred item left, and what happened to its open objections. */
export function exitText(item: MinutesItem): string | null {
  if (item.exit === null) return null;
  const open = item.objections.filter((c) => c.status === 'open').length;
  return open === 0 ? `${EXIT_WORDS[item.exit]}.` : `${EXIT_WORDS[item.exit]}, with ${open} objection${open === 1 ? '' : 's'} still to integrate.`;
}

const dueText = (due: string | null): string => (due === null ? 'no date' : due);

export function actionsMarkdown(m: MinutesJson): string[] {
  if (m.actions.length === 0) return ['## Action items', 'No action items.'];
  const rows = m.actions.map((a) => `| ${md(a.itemTitle)} | ${md(a.text)} | ${md(a.assignee.name)} | ${dueText(a.due)} | ${a.done ? 'done' : 'open'} |`);
  return ['## Action items', ['| Item | What | Who | By | Status |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')];
}

export function backlogMarkdown(m: MinutesJson): string[] {
  if (m.backlog.length === 0) return ['## Carried to the next meeting', 'Nothing.'];
  const lines = m.backlog.map((e) => {
    const from = e.itemTitle === null ? SOURCE_WORDS[e.source] : `${SOURCE_WORDS[e.source]}: ${md(e.itemTitle)}`;
    return `- **${md(e.title)}** (${from}; ${md(e.author.name)})${e.text.trim() === '' ? '' : ` — ${md(e.text)}`}`;
  });
  return ['## Carried to the next meeting', lines.join('\n')];
}

export function answersMarkdown(m: MinutesJson): string[] {
  const { answers } = m.evaluation;
  if (answers.length === 0) return [];
  return [answers.map((a) => `- _${a.question}_ **${md(a.name)}:** ${md(a.text)}${a.inBacklog ? ' (to the backlog)' : ''}`).join('\n')];
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const tr = (cells: readonly string[], tag: string): string => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

export function actionsHtml(m: MinutesJson): string {
  if (m.actions.length === 0) return '<section><h2>Action items</h2><p class="muted">No action items.</p></section>';
  const rows = m.actions.map((a) => [html(a.itemTitle), html(a.text), html(a.assignee.name), html(dueText(a.due)), a.done ? 'done' : 'open']);
  return `<section><h2>Action items</h2>${table(['Item', 'What', 'Who', 'By', 'Status'], rows)}</section>`;
}

export function backlogHtml(m: MinutesJson): string {
  if (m.backlog.length === 0) return '<section><h2>Carried to the next meeting</h2><p class="muted">Nothing.</p></section>';
  const items = m.backlog.map((e) => {
    const from = e.itemTitle === null ? SOURCE_WORDS[e.source] : `${SOURCE_WORDS[e.source]}: ${e.itemTitle}`;
    return `<li><b>${html(e.title)}</b> <span class="muted">(${html(from)}; ${html(e.author.name)})</span>${e.text.trim() === '' ? '' : ` — ${html(e.text)}`}</li>`;
  });
  return `<section><h2>Carried to the next meeting</h2><ul>${items.join('')}</ul></section>`;
}

export function answersHtml(m: MinutesJson): string {
  const { answers } = m.evaluation;
  if (answers.length === 0) return '';
  return `<ul>${answers.map((a) => `<li><i>${html(a.question)}</i> <b>${html(a.name)}:</b> ${html(a.text)}${a.inBacklog ? ' <span class="muted">(to the backlog)</span>' : ''}</li>`).join('')}</ul>`;
}
