// The Markdown and HTML sections of what a meeting hands on: action items,
// evaluation answers and "Carried to the next meeting" (AI5, E4, BL6), and the
// line that says how a deferred item left (O7).
import { escapeMarkdown } from './proposalText.ts';
import { minutesT, type MinutesT } from './catalogue/index.ts';
import type { MinutesCard, MinutesItem, MinutesJson } from './types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const html = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
const md = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/^$/, '–');

/** [O1] "Amended the text" for an integrated objection that recorded its way through. */
export const wayThroughText = (c: MinutesCard, t: MinutesT = minutesT()): string | null =>
  c.path === null ? null : t(`wayThrough.${c.path}`);

/** [O7] How a deferred item left, and what happened to its open objections. */
export function exitText(item: MinutesItem, t: MinutesT = minutesT()): string | null {
  if (item.exit === null) return null;
  const open = item.objections.filter((c) => c.status === 'open').length;
  const exit = t(`exit.${item.exit}`);
  return open === 0 ? t('exitDone', { exit }) : t('exitOpen', { exit, count: open });
}

const dueText = (due: string | null, t: MinutesT): string => (due === null ? t('action.noDate') : due);
const actionHead = (t: MinutesT) => [t('column.item'), t('column.what'), t('column.who'), t('column.due'), t('column.status')];

export function actionsMarkdown(m: MinutesJson, t: MinutesT = minutesT()): string[] {
  const heading = `## ${t('heading.actions')}`;
  if (m.actions.length === 0) return [heading, t('empty.actions')];
  const rows = m.actions.map(
    (a) =>
      `| ${md(a.itemTitle)} | ${md(a.text)} | ${md(a.assignee.name)} | ${dueText(a.due, t)} | ${a.done ? t('action.done') : t('action.open')} |`,
  );
  return [heading, [`| ${actionHead(t).join(' | ')} |`, '| --- | --- | --- | --- | --- |', ...rows].join('\n')];
}

export function backlogMarkdown(m: MinutesJson, t: MinutesT = minutesT()): string[] {
  const heading = `## ${t('heading.carried')}`;
  if (m.backlog.length === 0) return [heading, t('empty.backlog')];
  const lines = m.backlog.map((e) => {
    const source = t(`source.${e.source}`);
    const from = e.itemTitle === null ? source : `${source}: ${md(e.itemTitle)}`;
    return `- **${md(e.title)}** (${from}; ${md(e.author.name)})${e.text.trim() === '' ? '' : ` — ${md(e.text)}`}`;
  });
  return [heading, lines.join('\n')];
}

export function answersMarkdown(m: MinutesJson, t: MinutesT = minutesT()): string[] {
  const { answers } = m.evaluation;
  if (answers.length === 0) return [];
  return [
    answers.map((a) => `- _${t(`prompt.${a.prompt}`)}_ **${md(a.name)}:** ${md(a.text)}${a.inBacklog ? t('toBacklog') : ''}`).join('\n'),
  ];
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const tr = (cells: readonly string[], tag: string): string => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

export function actionsHtml(m: MinutesJson, t: MinutesT = minutesT()): string {
  const heading = `<h2>${html(t('heading.actions'))}</h2>`;
  if (m.actions.length === 0) return `<section>${heading}<p class="muted">${html(t('empty.actions'))}</p></section>`;
  const rows = m.actions.map((a) => [
    html(a.itemTitle),
    html(a.text),
    html(a.assignee.name),
    html(dueText(a.due, t)),
    html(a.done ? t('action.done') : t('action.open')),
  ]);
  return `<section>${heading}${table(actionHead(t).map(html), rows)}</section>`;
}

export function backlogHtml(m: MinutesJson, t: MinutesT = minutesT()): string {
  const heading = `<h2>${html(t('heading.carried'))}</h2>`;
  if (m.backlog.length === 0) return `<section>${heading}<p class="muted">${html(t('empty.backlog'))}</p></section>`;
  const items = m.backlog.map((e) => {
    const source = t(`source.${e.source}`);
    const from = e.itemTitle === null ? source : `${source}: ${e.itemTitle}`;
    return `<li><b>${html(e.title)}</b> <span class="muted">(${html(from)}; ${html(e.author.name)})</span>${e.text.trim() === '' ? '' : ` — ${html(e.text)}`}</li>`;
  });
  return `<section>${heading}<ul>${items.join('')}</ul></section>`;
}

export function answersHtml(m: MinutesJson, t: MinutesT = minutesT()): string {
  const { answers } = m.evaluation;
  if (answers.length === 0) return '';
  return `<ul>${answers.map((a) => `<li><i>${html(t(`prompt.${a.prompt}`))}</i> <b>${html(a.name)}:</b> ${html(a.text)}${a.inBacklog ? ` <span class="muted">${html(t('toBacklog').trim())}</span>` : ''}</li>`).join('')}</ul>`;
}
