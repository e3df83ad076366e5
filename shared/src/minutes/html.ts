// minutesHtml: the minutes JSON as one self-contained, printable HTML page.
// Every user string is escaped here; nothing from the document is trusted as markup.
import type { ConsentRecord, ProposalNode } from '../types.ts';
import type { MinutesCard, MinutesItem, MinutesJson, MinutesPerson, MinutesRound } from './types.ts';
import { AGENDA_CONSENT_WORDS, TERM_WORDS, attendanceWords, cardStatusWords, consentWords, durationText, frozenWords, quorumWords, REVIEW_QUESTIONS, timeText, timelineText } from './words.ts';
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

export function minutesHtml(m: MinutesJson): string {
  const { meeting } = m;
  const title = escapeHtml(meeting.title || 'Meeting');
  const body = [
    `<header><h1>${title}</h1>`,
    `<p class="facts"><b>Circle:</b> ${escapeHtml(meeting.circle) || '–'} · <b>Aim:</b> ${escapeHtml(meeting.aim) || '–'}</p>`,
    `<p class="facts"><b>Date:</b> ${timeText(meeting.createdAt)} · <b>Phase:</b> ${escapeHtml(meeting.phase)} · ` +
      `<b>Facilitator:</b> ${meeting.facilitator ? escapeHtml(meeting.facilitator.name) : '–'} · ` +
      `<b>Secretary:</b> ${meeting.secretary ? escapeHtml(meeting.secretary.name) : 'none named'}</p></header>`,
    '<section><h2>Attendance</h2>',
    table(['Name', 'Role', 'Present'], m.attendance.map((p) => [escapeHtml(p.name), escapeHtml(p.role), escapeHtml(attendanceWords(p))])),
    '</section>',
    round('Opening round', m.openingRound),
    agendaHtml(m),
    '<section><h2>Items</h2>',
    m.items.length === 0 ? '<p class="muted">No agenda items.</p>' : m.items.map((item, i) => itemHtml(item, i + 1, m)).join('\n'),
    '</section>',
    actionsHtml(m),
    round('Closing round', m.closingRound),
    '<section><h2>Timeline</h2>',
    m.timeline.length === 0
      ? '<p class="muted">No moves recorded.</p>'
      : table(['Time (UTC)', 'Event', 'By'], m.timeline.map((e) => [timeText(e.at), escapeHtml(timelineText(e)), escapeHtml(e.by.name)])),
    '</section>',
    '<section><h2>Speaking time</h2>',
    m.speakingTime.length === 0
      ? '<p class="muted">No rounds recorded.</p>'
      : table(['Name', 'Time', 'Turns'], m.speakingTime.map((t) => [escapeHtml(t.name), durationText(t.ms), String(t.turns)])),
    ...m.roundTimes
      .filter((r) => r.speakingTime.length > 0)
      .map((r) => `<h3>${escapeHtml(r.title)}</h3>${table(['Name', 'Time', 'Turns'], r.speakingTime.map((t) => [escapeHtml(t.name), durationText(t.ms), String(t.turns)]))}`),
    '</section>',
    evaluationHtml(m),
    backlogHtml(m),
    `<footer><p class="muted">Minutes generated ${timeText(m.generatedAt)} from meeting ${escapeHtml(meeting.id)}.</p></footer>`,
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${MINUTES_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Minutes: ${title}</title>
<style>${MINUTES_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function round(title: string, r: MinutesRound): string {
  return `<section><h2>${title}</h2><p><b>Order:</b> ${names(r.order)}</p>${paragraphs(r.notes)}</section>`;
}

function itemHtml(item: MinutesItem, n: number, m: MinutesJson): string {
  const out = [`<article class="item"><h3>${n}. ${escapeHtml(item.title)}</h3>`];
  const staged = item.kind === 'consent' || item.kind === 'selection';
  const owner = `<b>Owner:</b> ${item.owner ? escapeHtml(item.owner.name) : '–'}`;
  out.push(
    staged
      ? `<p class="facts"><b>Kind:</b> ${escapeHtml(item.kind)} · <b>Stage:</b> ${escapeHtml(item.stage)} · <b>Timebox:</b> ${item.timeboxMin} min · ` +
          `${owner} · <b>${TERM_WORDS.reviewDate}:</b> ${item.reviewDate ? escapeHtml(item.reviewDate) : TERM_WORDS.none}` +
          `${item.term?.measure ? ` · <b>${TERM_WORDS.measure}:</b> ${escapeHtml(item.term.measure)}` : ''}</p>`
      : `<p class="facts"><b>Kind:</b> ${escapeHtml(item.kind)} · <b>Timebox:</b> ${item.timeboxMin} min · ${owner}</p>`,
  );
  if (staged) {
    out.push(`<h4>Proposal <span class="muted">(revision ${escapeHtml(item.proposal.revision)})</span></h4>`);
    out.push(item.proposal.nodes.length === 0 ? '<p class="muted">No proposal text.</p>' : `<div class="proposal">${nodesHtml(item.proposal.nodes)}</div>`);
  } else if (item.proposal.nodes.length > 0) out.push('<h4>Text</h4>', `<div class="proposal">${nodesHtml(item.proposal.nodes)}</div>`);
  if (staged) {
    out.push('<h4>Consent</h4>');
    if (item.recordFrozen) out.push(`<p class="muted">${frozenWords(item.recordFrozen.reason)} ${timeText(item.recordFrozen.at)}.</p>`);
    out.push(consentHtml(item.consent, m));
  }
  if (item.objections.length > 0) out.push('<h4>Objections</h4>', cards(item.objections));
  if (item.concerns.length > 0) out.push('<h4>Concerns</h4>', cards(item.concerns));
  if (item.decision) {
    const d = item.decision;
    out.push(
      '<h4>Decision</h4><div class="decision">',
      `<p>Decided ${timeText(d.at)} (recorded by ${escapeHtml(d.by.name)}), revision ${escapeHtml(d.revision)}, ${escapeHtml(TERM_WORDS.decided(d.reviewDate, d.measure))}.<br>`,
      `Consented: ${names(d.consented)}; with a concern: ${names(d.concerns)}.</p>`,
      `<blockquote>${paragraphs(d.text.replace(/\n/g, '\n\n'))}</blockquote></div>`,
    );
    if (d.selection) out.push(`<p><strong>Selected:</strong> ${escapeHtml(d.selection.holder.name)} as ${escapeHtml(d.selection.roleName)}, term until ${escapeHtml(d.selection.termEnd ?? '–')}.</p>`);
  }
  if (item.reviewQuestions.length > 0) {
    const questions = item.reviewQuestions.map((q) => `<li>${escapeHtml(q.text)} — raised by <strong>${escapeHtml(q.name)}</strong></li>`).join('');
    out.push(`<h4>${REVIEW_QUESTIONS}</h4>`, `<ul class="review-questions">${questions}</ul>`);
  }
  const exit = exitText(item);
  if (exit) out.push('<h4>Way out</h4>', `<p>${escapeHtml(exit)}</p>`);
  if (item.notes.trim() !== '') out.push('<h4>Notes</h4>', paragraphs(item.notes));
  out.push('</article>');
  return out.join('\n');
}

function consentHtml(c: ConsentRecord, m: MinutesJson): string {
  const list = (ids: readonly string[]): string => names(ids.map((id) => m.attendance.find((p) => p.participantId === id) ?? { participantId: id, name: id }));
  const stale = c.stale.length > 0 ? ` (on an older round or text: ${list(c.stale)})` : '';
  return (
    `<p><span class="state">${consentWords(c.state)}</span>${c.round === null ? '' : ` (round ${c.round})`}<br>` +
    `Consented: ${list(c.consented)}<br>With a concern: ${list(c.concerns)}<br>Objecting: ${list(c.objecting)}<br>Missing: ${list(c.missing)}${stale}${absenceHtml(c, list)}</p>`
  );
}

/** [Q2][Q6] The quorum, and the absent members with how they count. */
function absenceHtml(c: ConsentRecord, list: (ids: readonly string[]) => string): string {
  const quorum = quorumWords(c);
  if (quorum === '') return '';
  const absent = c.absent ?? [];
  const assumed = c.assumed ?? [];
  return `<br>${escapeHtml(quorum)}${absent.length > 0 ? `<br>Absent: ${list(absent)}${assumed.length > 0 ? ` (assumed to consent: ${list(assumed)})` : ''}` : ''}`;
}

function agendaHtml(m: MinutesJson): string {
  const a = m.agendaConsent;
  if (!a) return `<section><h2>Agenda</h2><p>${AGENDA_CONSENT_WORDS['not-started']}</p></section>`;
  const when = a.recordedAt ? ` <span class="muted">(as the meeting moved on, ${timeText(a.recordedAt)})</span>` : '';
  const missing = a.missing.length > 0 ? `<br>No answer: ${names(a.missing)}` : '';
  const objections = a.objecting.map((o) => `<li><b>${escapeHtml(o.name)}</b> objects: ${escapeHtml(o.reason)}</li>`).join('');
  return `<section><h2>Agenda</h2><p><span class="state">${AGENDA_CONSENT_WORDS[a.state]}</span>${when}<br>Consented: ${names(a.consented)}${missing}</p>${objections ? `<ul>${objections}</ul>` : ''}</section>`;
}

function cards(list: readonly MinutesCard[]): string {
  const items = list.map((c) => {
    const way = wayThroughText(c);
    const resolution = c.resolution === null ? '' : `<br><i>Integrated as:</i> ${way ? `${escapeHtml(way)}: ` : ''}${escapeHtml(c.resolution)}${c.resolvedAt ? ` (${timeText(c.resolvedAt)})` : ''}`;
    return `<li class="card"><b>${escapeHtml(c.authorName)}</b> (${escapeHtml(cardStatusWords(c))}${c.stale ? ', raised on an earlier text' : ''}): ${escapeHtml(c.text)}${resolution}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

function evaluationHtml(m: MinutesJson): string {
  const { evaluation } = m;
  const out = ['<section><h2>Evaluation</h2>', `<p>${evaluation.count} evaluation card${evaluation.count === 1 ? '' : 's'}.</p>`];
  if (evaluation.count > 0) {
    out.push(table(['Rating', 'Average (1–5)'], Object.entries(evaluation.averages).map(([k, v]) => [escapeHtml(k), v === null ? '–' : v.toFixed(2)])));
  }
  if (evaluation.comments.length > 0) out.push(`<ul>${evaluation.comments.map((c) => `<li><b>${escapeHtml(c.name)}:</b> ${escapeHtml(c.comment)}</li>`).join('')}</ul>`);
  out.push(answersHtml(m));
  out.push('</section>');
  return out.join('\n');
}

/** Cells are HTML already escaped by the caller. */
function table(head: readonly string[], rows: readonly string[][]): string {
  const tr = (cells: readonly string[], tag: string): string => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

const BLOCK_TAGS: Record<string, string> = { paragraph: 'p', bulletList: 'ul', orderedList: 'ol', listItem: 'li', blockquote: 'blockquote' };
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
