// minutesMarkdown: the minutes JSON as a Markdown document. Every user string
// goes through the escapes of proposalText.ts; the proposal is already Markdown.
import type { ConsentRecord } from '../types.ts';
import { escapeMarkdown, markdownText } from './proposalText.ts';
import { actionsMarkdown, answersMarkdown, backlogMarkdown, exitText, wayThroughText } from './followUpText.ts';
import type { MinutesCard, MinutesItem, MinutesJson, MinutesPerson, MinutesRound, TimelineEntry } from './types.ts';
import { AGENDA_CONSENT_WORDS, TERM_WORDS, attendanceWords, cardStatusWords, consentWords, durationText, frozenWords, quorumWords, REVIEW_QUESTIONS, timeText, timelineText } from './words.ts';

/** Table cells and inline mentions: one line, escaped. */
const cell = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/^$/, '–');
const names = (people: readonly MinutesPerson[]): string => (people.length === 0 ? '–' : people.map((p) => cell(p.name)).join(', '));

export function minutesMarkdown(m: MinutesJson): string {
  const out: string[] = [];
  const { meeting } = m;
  out.push(`# ${cell(meeting.title || 'Meeting')}`);
  const facts = [
    `**Circle:** ${cell(meeting.circle)}`,
    `**Aim:** ${cell(meeting.aim)}`,
    `**Date:** ${timeText(meeting.createdAt)} · **Phase:** ${meeting.phase}`,
    `**Facilitator:** ${meeting.facilitator ? cell(meeting.facilitator.name) : '–'} · **Secretary:** ${meeting.secretary ? cell(meeting.secretary.name) : 'none named'}`,
  ];
  out.push(facts.join('\\\n'));

  out.push('## Attendance', table(['Name', 'Role', 'Present'], m.attendance.map((p) => [cell(p.name), p.role, attendanceWords(p)])));
  out.push(...round('Opening round', m.openingRound));
  out.push('## Agenda', agendaConsentMarkdown(m));

  out.push('## Items');
  if (m.items.length === 0) out.push('No agenda items.');
  for (const [i, item] of m.items.entries()) out.push(...itemMarkdown(item, i + 1, m));

  out.push(...actionsMarkdown(m));
  out.push(...round('Closing round', m.closingRound));
  out.push('## Timeline', m.timeline.length === 0 ? 'No moves recorded.' : table(['Time (UTC)', 'Event', 'By'], m.timeline.map(timelineRow)));
  out.push(
    '## Speaking time',
    m.speakingTime.length === 0 ? 'No rounds recorded.' : table(['Name', 'Time', 'Turns'], m.speakingTime.map((t) => [cell(t.name), durationText(t.ms), String(t.turns)])),
  );
  for (const r of m.roundTimes) {
    if (r.speakingTime.length === 0) continue;
    out.push(`### ${cell(r.title)}`, table(['Name', 'Time', 'Turns'], r.speakingTime.map((t) => [cell(t.name), durationText(t.ms), String(t.turns)])));
  }
  out.push('## Evaluation');
  const { evaluation } = m;
  out.push(`${evaluation.count} evaluation card${evaluation.count === 1 ? '' : 's'}.`);
  const rated = Object.entries(evaluation.averages);
  if (evaluation.count > 0) out.push(table(['Rating', 'Average (1–5)'], rated.map(([k, v]) => [cell(k), v === null ? '–' : v.toFixed(2)])));
  if (evaluation.comments.length > 0) out.push(evaluation.comments.map((c) => `- **${cell(c.name)}:** ${cell(c.comment)}`).join('\n'));
  out.push(...answersMarkdown(m), ...backlogMarkdown(m));
  out.push(`_Minutes generated ${timeText(m.generatedAt)} from meeting ${cell(meeting.id)}._`);
  return `${out.join('\n\n')}\n`;
}

function round(title: string, r: MinutesRound): string[] {
  const out = [`## ${title}`, `**Order:** ${names(r.order)}`];
  if (r.notes.trim() !== '') out.push(markdownText(r.notes));
  return out;
}

function itemMarkdown(item: MinutesItem, n: number, m: MinutesJson): string[] {
  const out = [`### ${n}. ${cell(item.title)}`];
  const staged = item.kind === 'consent' || item.kind === 'selection';
  // a report or explore item has no stage and no proposal to consent to: its text is what was reported
  out.push(
    staged
      ? [
          `**Kind:** ${item.kind} · **Stage:** ${item.stage} · **Timebox:** ${item.timeboxMin} min`,
          `**Owner:** ${item.owner ? cell(item.owner.name) : '–'} · **${TERM_WORDS.reviewDate}:** ${item.reviewDate ?? TERM_WORDS.none}`,
          ...(item.term?.measure ? [`**${TERM_WORDS.measure}:** ${cell(item.term.measure)}`] : []),
        ].join('\\\n')
      : `**Kind:** ${item.kind} · **Timebox:** ${item.timeboxMin} min · **Owner:** ${item.owner ? cell(item.owner.name) : '–'}`,
  );
  if (staged) {
    out.push(`#### Proposal (revision ${cell(item.proposal.revision)})`, item.proposal.markdown.trim() === '' ? '_No proposal text._' : item.proposal.markdown);
  } else if (item.proposal.markdown.trim() !== '') out.push('#### Text', item.proposal.markdown);
  if (staged) {
    out.push('#### Consent');
    if (item.recordFrozen) out.push(`_${frozenWords(item.recordFrozen.reason)} ${timeText(item.recordFrozen.at)}._`);
    out.push(consentMarkdown(item.consent, m));
  }
  if (item.objections.length > 0) out.push('#### Objections', cards(item.objections));
  if (item.concerns.length > 0) out.push('#### Concerns', cards(item.concerns));
  if (item.decision) {
    const d = item.decision;
    out.push(
      '#### Decision',
      `Decided ${timeText(d.at)} (recorded by ${cell(d.by.name)}), revision ${cell(d.revision)}, ${cell(TERM_WORDS.decided(d.reviewDate, d.measure))}.\\\n` +
        `Consented: ${names(d.consented)}; with a concern: ${names(d.concerns)}.`,
      markdownText(d.text)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n'),
    );
    if (d.selection) out.push(`**Selected:** ${cell(d.selection.holder.name)} as ${cell(d.selection.roleName)}, term until ${d.selection.termEnd ?? '–'}.`);
  }
  if (item.reviewQuestions.length > 0) {
    out.push(`#### ${REVIEW_QUESTIONS}`, item.reviewQuestions.map((q) => `- ${cell(q.text)} — raised by **${cell(q.name)}**`).join('\n'));
  }
  const exit = exitText(item);
  if (exit) out.push('#### Way out', exit);
  if (item.notes.trim() !== '') out.push('#### Notes', markdownText(item.notes));
  return out;
}

function consentMarkdown(c: ConsentRecord, m: MinutesJson): string {
  const nameOf = (id: string): MinutesPerson => m.attendance.find((p) => p.participantId === id) ?? { participantId: id, name: id };
  const list = (ids: readonly string[]): string => names(ids.map(nameOf));
  return [
    `**${consentWords(c.state)}**${c.round === null ? '' : ` (round ${c.round})`}`,
    `Consented: ${list(c.consented)}`,
    `With a concern: ${list(c.concerns)}`,
    `Objecting: ${list(c.objecting)}`,
    `Missing: ${list(c.missing)}${c.stale.length > 0 ? ` (on an older round or text: ${list(c.stale)})` : ''}`,
    ...absenceLines(c, list),
  ].join('\\\n');
}

/** [Q2][Q6] The quorum, and the absent members with how they count. */
function absenceLines(c: ConsentRecord, list: (ids: readonly string[]) => string): string[] {
  const quorum = quorumWords(c);
  if (quorum === '') return [];
  const lines = [cell(quorum)];
  if ((c.absent ?? []).length > 0) lines.push(`Absent: ${list(c.absent ?? [])}${(c.assumed ?? []).length > 0 ? ` (assumed to consent: ${list(c.assumed ?? [])})` : ''}`);
  return lines;
}

function agendaConsentMarkdown(m: MinutesJson): string {
  const a = m.agendaConsent;
  if (!a) return AGENDA_CONSENT_WORDS['not-started'];
  const lines = [`**${AGENDA_CONSENT_WORDS[a.state]}**${a.recordedAt ? ` (as the meeting moved on, ${timeText(a.recordedAt)})` : ''}`, `Consented: ${names(a.consented)}`];
  if (a.missing.length > 0) lines.push(`No answer: ${names(a.missing)}`);
  const objections = a.objecting.map((o) => `- **${cell(o.name)}** objects: ${cell(o.reason)}`);
  return [lines.join('\\\n'), ...(objections.length > 0 ? [objections.join('\n')] : [])].join('\n\n');
}

function cards(list: readonly MinutesCard[]): string {
  return list
    .map((c) => {
      const head = `- **${cell(c.authorName)}** (${cardStatusWords(c)}${c.stale ? ', raised on an earlier text' : ''}): ${cell(c.text)}`;
      const way = wayThroughText(c);
      return c.resolution === null ? head : `${head}\\\n  _Integrated as:_ ${way ? `${way}: ` : ''}${cell(c.resolution)}${c.resolvedAt ? ` (${timeText(c.resolvedAt)})` : ''}`;
    })
    .join('\n');
}

function timelineRow(e: TimelineEntry): string[] {
  return [timeText(e.at), cell(timelineText(e)), cell(e.by.name)];
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
