// minutesHtml: the minutes JSON as one self-contained, printable HTML page.
// Every user string is escaped here; nothing from the document is trusted as markup.
// The words come from the catalogue of the language asked for (English by default).
import type { ConsentRecord, ProposalNode } from '../types.ts';
import type { MinutesCard, MinutesItem, MinutesJson, MinutesPerson, MinutesRound } from './types.ts';
import {
  agendaConsentWords,
  attendanceWords,
  cardStatusWords,
  consentWords,
  durationText,
  frozenWords,
  quorumWords,
  termWords,
  timeText,
  timelineText,
} from './words.ts';
import { minutesT, type MinutesKey, type MinutesT } from './catalogue/index.ts';
import { ratingName } from './markdown.ts';
import { actionsHtml, answersHtml, backlogHtml, exitText, wayThroughText } from './followUpText.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const names = (people: readonly MinutesPerson[]): string => (people.length === 0 ? '–' : people.map((p) => escapeHtml(p.name)).join(', '));
/** Multi-line user text: escaped, paragraphs on blank lines, line breaks kept. */
const paragraphs = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');

/** The print view's one stylesheet, inline; the board's CSP allows exactly this text by its hash. */
export const MINUTES_STYLE = `
:root{color-scheme:light;--ink:#1d232a;--muted:#5b6570;--line:#d8dde3;--accent:#2f6f5e}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:52rem;margin:2rem auto;padding:0 1.25rem}
h1{font-size:1.8rem;margin:0 0 .25rem}h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.12rem;margin:1.5rem 0 .3rem}h4{font-size:1rem;margin:1rem 0 .3rem;color:var(--muted)}
.facts{color:var(--muted);margin:.2rem 0}.facts b{color:var(--ink);font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}
.item{border:1px solid var(--line);border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
.proposal{border-left:3px solid var(--accent);padding-left:.8rem}
.decision{background:#eef6f3;border:1px solid #b9d9cf;border-radius:6px;padding:.5rem .9rem}
.state{font-weight:600}.card{margin:.3rem 0}.muted{color:var(--muted)}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
pre{background:#f3f5f7;padding:.6rem;overflow-x:auto}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
@page{margin:16mm}
@media print{body{margin:0;max-width:none;font-size:11pt;color:#000}.item,.decision,table,tr{break-inside:avoid}
h2,h3,h4{break-after:avoid}a{color:#000}a[href]::after{content:" (" attr(href) ")";font-size:.85em}
.decision,th{background:none}}
`;

/**
 * The page's own policy, first in its head: no script, no request, whatever a slip in
 * escaping lets through. (A meta policy cannot sandbox; the server's header adds that.)
 */
export const MINUTES_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function minutesHtml(m: MinutesJson, t: MinutesT = minutesT(), lang = 'en'): string {
  const { meeting } = m;
  const e = (key: MinutesKey, values?: Record<string, unknown>): string => escapeHtml(t(key, values));
  const title = escapeHtml(meeting.title || t('meeting'));
  const spoke = [e('column.name'), e('column.duration'), e('column.turns')];
  const body = [
    `<header><h1>${title}</h1>`,
    `<p class="facts"><b>${e('facts.circle')}:</b> ${escapeHtml(meeting.circle) || '–'} · <b>${e('facts.aim')}:</b> ${escapeHtml(meeting.aim) || '–'}</p>`,
    `<p class="facts"><b>${e('facts.date')}:</b> ${timeText(meeting.createdAt)} · <b>${e('facts.phase')}:</b> ${e(`phase.${meeting.phase}`)} · ` +
      `<b>${e('facts.facilitator')}:</b> ${meeting.facilitator ? escapeHtml(meeting.facilitator.name) : '–'} · ` +
      `<b>${e('facts.secretary')}:</b> ${meeting.secretary ? escapeHtml(meeting.secretary.name) : e('facts.noneNamed')}</p></header>`,
    `<section><h2>${e('heading.attendance')}</h2>`,
    table(
      [e('column.name'), e('column.role'), e('column.present')],
      m.attendance.map((p) => [escapeHtml(p.name), e(`role.${p.role}`), escapeHtml(attendanceWords(p, t))]),
    ),
    '</section>',
    round(e('heading.openingRound'), m.openingRound, t),
    agendaHtml(m, t),
    `<section><h2>${e('heading.items')}</h2>`,
    m.items.length === 0 ? `<p class="muted">${e('empty.items')}</p>` : m.items.map((item, i) => itemHtml(item, i + 1, m, t)).join('\n'),
    '</section>',
    actionsHtml(m, t),
    round(e('heading.closingRound'), m.closingRound, t),
    `<section><h2>${e('heading.timeline')}</h2>`,
    m.timeline.length === 0
      ? `<p class="muted">${e('empty.moves')}</p>`
      : table(
          [e('column.time'), e('column.event'), e('column.by')],
          m.timeline.map((x) => [timeText(x.at), escapeHtml(timelineText(x, t)), escapeHtml(x.by.name)]),
        ),
    '</section>',
    `<section><h2>${e('heading.speakingTime')}</h2>`,
    m.speakingTime.length === 0
      ? `<p class="muted">${e('empty.rounds')}</p>`
      : table(
          spoke,
          m.speakingTime.map((s) => [escapeHtml(s.name), durationText(s.ms), String(s.turns)]),
        ),
    ...m.roundTimes
      .filter((r) => r.speakingTime.length > 0)
      .map(
        (r) =>
          `<h3>${escapeHtml(r.title)}</h3>${table(
            spoke,
            r.speakingTime.map((s) => [escapeHtml(s.name), durationText(s.ms), String(s.turns)]),
          )}`,
      ),
    '</section>',
    evaluationHtml(m, t),
    backlogHtml(m, t),
    `<footer><p class="muted">${escapeHtml(t('generated', { at: timeText(m.generatedAt), id: meeting.id }))}</p></footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MINUTES_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('htmlTitle', { title: meeting.title || t('meeting') }))}</title>
<style>${MINUTES_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function round(title: string, r: MinutesRound, t: MinutesT): string {
  return `<section><h2>${title}</h2><p><b>${escapeHtml(t('order'))}:</b> ${names(r.order)}</p>${paragraphs(r.notes)}</section>`;
}

function itemHtml(item: MinutesItem, n: number, m: MinutesJson, t: MinutesT): string {
  const e = (key: MinutesKey, values?: Record<string, unknown>): string => escapeHtml(t(key, values));
  const out = [`<article class="item"><h3>${n}. ${escapeHtml(item.title)}</h3>`];
  const staged = item.kind === 'consent' || item.kind === 'selection';
  const owner = `<b>${e('item.owner')}:</b> ${item.owner ? escapeHtml(item.owner.name) : '–'}`;
  const kind = `<b>${e('item.kind')}:</b> ${e(`kind.${item.kind}`)}`;
  const timebox = `<b>${e('item.timebox')}:</b> ${e('item.minutes', { count: item.timeboxMin })}`;
  out.push(
    staged
      ? `<p class="facts">${kind} · <b>${e('item.stage')}:</b> ${e(`stage.${item.stage}`)} · ${timebox} · ` +
          `${owner} · <b>${e('item.reviewDate')}:</b> ${item.reviewDate ? escapeHtml(item.reviewDate) : e('item.none')}` +
          `${item.term?.measure ? ` · <b>${e('item.measure')}:</b> ${escapeHtml(item.term.measure)}` : ''}</p>`
      : `<p class="facts">${kind} · ${timebox} · ${owner}</p>`,
  );
  if (staged) {
    out.push(`<h4>${e('item.proposal')} <span class="muted">(${e('item.revision', { revision: item.proposal.revision })})</span></h4>`);
    out.push(
      item.proposal.nodes.length === 0
        ? `<p class="muted">${e('empty.proposal')}</p>`
        : `<div class="proposal">${nodesHtml(item.proposal.nodes)}</div>`,
    );
  } else if (item.proposal.nodes.length > 0)
    out.push(`<h4>${e('item.text')}</h4>`, `<div class="proposal">${nodesHtml(item.proposal.nodes)}</div>`);
  if (staged) {
    out.push(`<h4>${e('item.consent')}</h4>`);
    if (item.recordFrozen)
      out.push(`<p class="muted">${escapeHtml(frozenWords(item.recordFrozen.reason, t))} ${timeText(item.recordFrozen.at)}.</p>`);
    out.push(consentHtml(item.consent, m, t));
  }
  if (item.objections.length > 0) out.push(`<h4>${e('item.objections')}</h4>`, cards(item.objections, t));
  if (item.concerns.length > 0) out.push(`<h4>${e('item.concerns')}</h4>`, cards(item.concerns, t));
  if (item.decision) {
    const d = item.decision;
    out.push(
      `<h4>${e('item.decision')}</h4><div class="decision">`,
      `<p>${e('decided', { at: timeText(d.at), by: d.by.name, revision: d.revision, term: termWords(d.reviewDate, d.measure, t) })}<br>`,
      `${t('decidedConsented', { consented: names(d.consented), concerns: names(d.concerns) })}</p>`,
      `<blockquote>${paragraphs(d.text.replace(/\n/g, '\n\n'))}</blockquote></div>`,
    );
    if (d.selection) {
      out.push(
        `<p><strong>${e('item.selected')}:</strong> ${e('selectedAs', { name: d.selection.holder.name, role: d.selection.roleName, termEnd: d.selection.termEnd ?? '–' })}</p>`,
      );
    }
  }
  if (item.reviewQuestions.length > 0) {
    const questions = item.reviewQuestions
      .map((q) => `<li>${escapeHtml(q.text)} — ${e('item.raisedBy')} <strong>${escapeHtml(q.name)}</strong></li>`)
      .join('');
    out.push(`<h4>${e('item.reviewQuestions')}</h4>`, `<ul class="review-questions">${questions}</ul>`);
  }
  const exit = exitText(item, t);
  if (exit) out.push(`<h4>${e('item.wayOut')}</h4>`, `<p>${escapeHtml(exit)}</p>`);
  if (item.notes.trim() !== '') out.push(`<h4>${e('item.notes')}</h4>`, paragraphs(item.notes));
  out.push('</article>');
  return out.join('\n');
}

function consentHtml(c: ConsentRecord, m: MinutesJson, t: MinutesT): string {
  const e = (key: MinutesKey, values?: Record<string, unknown>): string => escapeHtml(t(key, values));
  const list = (ids: readonly string[]): string =>
    names(ids.map((id) => m.attendance.find((p) => p.participantId === id) ?? { participantId: id, name: id }));
  const stale = c.stale.length > 0 ? t('consent.olderRound', { names: list(c.stale) }) : '';
  return (
    `<p><span class="state">${escapeHtml(consentWords(c.state, t))}</span>${c.round === null ? '' : e('consent.round', { round: c.round })}<br>` +
    `${e('consent.consented')}: ${list(c.consented)}<br>${e('consent.withConcern')}: ${list(c.concerns)}<br>${e('consent.objecting')}: ${list(c.objecting)}<br>` +
    `${e('consent.missing')}: ${list(c.missing)}${stale}${absenceHtml(c, list, t)}</p>`
  );
}

/** [Q2][Q6] The quorum, and the absent members with how they count. */
function absenceHtml(c: ConsentRecord, list: (ids: readonly string[]) => string, t: MinutesT): string {
  const quorum = quorumWords(c, t);
  if (quorum === '') return '';
  const absent = c.absent ?? [];
  const assumed = c.assumed ?? [];
  const assumedText = assumed.length > 0 ? t('consent.assumed', { names: list(assumed) }) : '';
  return `<br>${escapeHtml(quorum)}${absent.length > 0 ? `<br>${escapeHtml(t('consent.absent'))}: ${list(absent)}${assumedText}` : ''}`;
}

function agendaHtml(m: MinutesJson, t: MinutesT): string {
  const heading = `<h2>${escapeHtml(t('heading.agenda'))}</h2>`;
  const a = m.agendaConsent;
  if (!a) return `<section>${heading}<p>${escapeHtml(agendaConsentWords('not-started', t))}</p></section>`;
  const when = a.recordedAt ? ` <span class="muted">${escapeHtml(t('consent.movedOn', { at: timeText(a.recordedAt) }))}</span>` : '';
  const missing = a.missing.length > 0 ? `<br>${escapeHtml(t('consent.noAnswer'))}: ${names(a.missing)}` : '';
  const objections = a.objecting
    .map((o) => `<li>${t('consent.objects', { name: `<b>${escapeHtml(o.name)}</b>`, reason: escapeHtml(o.reason) })}</li>`)
    .join('');
  return `<section>${heading}<p><span class="state">${escapeHtml(agendaConsentWords(a.state, t))}</span>${when}<br>${escapeHtml(t('consent.consented'))}: ${names(a.consented)}${missing}</p>${objections ? `<ul>${objections}</ul>` : ''}</section>`;
}

function cards(list: readonly MinutesCard[], t: MinutesT): string {
  const items = list.map((c) => {
    const way = wayThroughText(c, t);
    const resolution =
      c.resolution === null
        ? ''
        : `<br><i>${escapeHtml(t('card.integratedAs'))}</i> ${way ? `${escapeHtml(way)}: ` : ''}${escapeHtml(c.resolution)}${c.resolvedAt ? ` (${timeText(c.resolvedAt)})` : ''}`;
    return `<li class="card"><b>${escapeHtml(c.authorName)}</b> (${escapeHtml(cardStatusWords(c, t))}${c.stale ? escapeHtml(t('card.stale')) : ''}): ${escapeHtml(c.text)}${resolution}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function evaluationHtml(m: MinutesJson, t: MinutesT): string {
  const { evaluation } = m;
  const out = [
    `<section><h2>${escapeHtml(t('heading.evaluation'))}</h2>`,
    `<p>${escapeHtml(t('evaluationCards', { count: evaluation.count }))}</p>`,
  ];
  if (evaluation.count > 0) {
    const head = [escapeHtml(t('column.rating')), escapeHtml(t('column.average'))];
    out.push(
      table(
        head,
        Object.entries(evaluation.averages).map(([k, v]) => [escapeHtml(ratingName(k, t)), v === null ? '–' : v.toFixed(2)]),
      ),
    );
  }
  if (evaluation.comments.length > 0)
    out.push(`<ul>${evaluation.comments.map((c) => `<li><b>${escapeHtml(c.name)}:</b> ${escapeHtml(c.comment)}</li>`).join('')}</ul>`);
  out.push(answersHtml(m, t));
  out.push('</section>');
  return out.join('\n');
}

/** Cells are HTML already escaped by the caller. */
function table(head: readonly string[], rows: readonly string[][]): string {
  const tr = (cells: readonly string[], tag: string): string => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
};
const MARK_TAGS: readonly [string, string][] = [
  ['code', 'code'],
  ['strike', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

/** Proposal nodes as HTML: known node names map to their tags, anything else to its content. */
export function nodesHtml(nodes: readonly ProposalNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') {
        let html = escapeHtml(node.text);
        for (const [mark, tag] of MARK_TAGS) if (node.marks[mark] !== undefined) html = `<${tag}>${html}</${tag}>`;
        const link = node.marks.link;
        const href = typeof link === 'object' && typeof link.href === 'string' ? link.href : null;
        if (href !== null && /^(https?:|mailto:)/i.test(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
        return html;
      }
      const inner = nodesHtml(node.children);
      switch (node.name) {
        case 'heading': {
          // below the item's own headings: level 1–2 as h5, deeper as h6
          const tag = Number(node.attrs.level) >= 3 ? 'h6' : 'h5';
          return `<${tag}>${inner}</${tag}>`;
        }
        case 'hardBreak':
          return '<br>';
        case 'horizontalRule':
          return '<hr>';
        case 'codeBlock':
          return `<pre><code>${inner}</code></pre>`;
        case 'orderedList': {
          const start = Math.trunc(Number(node.attrs.start ?? 1));
          return `<ol${Number.isFinite(start) && start !== 1 ? ` start="${start}"` : ''}>${inner}</ol>`;
        }
        default: {
          const tag = BLOCK_TAGS[node.name];
          return tag ? `<${tag}>${inner}</${tag}>` : `<div>${inner}</div>`;
        }
      }
    })
    .join('');
}
