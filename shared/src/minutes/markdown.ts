// minutesMarkdown: the minutes JSON as a Markdown document. Every user string
// goes through the escapes of proposalText.ts; the proposal is already Markdown.
// The words come from the catalogue of the language asked for (English by default).
import type { ConsentRecord } from '../types.ts';
import { escapeMarkdown, markdownText } from './proposalText.ts';
import { actionsMarkdown, answersMarkdown, backlogMarkdown, exitText, wayThroughText } from './followUpText.ts';
import { minutesT, type MinutesT } from './catalogue/index.ts';
import type { MinutesCard, MinutesItem, MinutesJson, MinutesPerson, MinutesRound, TimelineEntry } from './types.ts';
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

/** Table cells and inline mentions: one line, escaped. */
const cell = (text: string): string => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/^$/, '–');
const names = (people: readonly MinutesPerson[]): string => (people.length === 0 ? '–' : people.map((p) => cell(p.name)).join(', '));
const fact = (label: string, value: string): string => `**${label}:** ${value}`;

export function minutesMarkdown(m: MinutesJson, t: MinutesT = minutesT()): string {
  const out: string[] = [];
  const { meeting } = m;
  out.push(`# ${cell(meeting.title || t('meeting'))}`);
  const facts = [
    fact(t('facts.circle'), cell(meeting.circle)),
    fact(t('facts.aim'), cell(meeting.aim)),
    `${fact(t('facts.date'), timeText(meeting.createdAt))} · ${fact(t('facts.phase'), t(`phase.${meeting.phase}`))}`,
    `${fact(t('facts.facilitator'), meeting.facilitator ? cell(meeting.facilitator.name) : '–')} · ${fact(t('facts.secretary'), meeting.secretary ? cell(meeting.secretary.name) : t('facts.noneNamed'))}`,
  ];
  out.push(facts.join('\\\n'));

  const who = [t('column.name'), t('column.role'), t('column.present')];
  out.push(
    `## ${t('heading.attendance')}`,
    table(
      who,
      m.attendance.map((p) => [cell(p.name), t(`role.${p.role}`), attendanceWords(p, t)]),
    ),
  );
  out.push(...round(t('heading.openingRound'), m.openingRound, t));
  out.push(`## ${t('heading.agenda')}`, agendaConsentMarkdown(m, t));

  out.push(`## ${t('heading.items')}`);
  if (m.items.length === 0) out.push(t('empty.items'));
  for (const [i, item] of m.items.entries()) out.push(...itemMarkdown(item, i + 1, m, t));

  out.push(...actionsMarkdown(m, t));
  out.push(...round(t('heading.closingRound'), m.closingRound, t));
  out.push(
    `## ${t('heading.timeline')}`,
    m.timeline.length === 0
      ? t('empty.moves')
      : table(
          [t('column.time'), t('column.event'), t('column.by')],
          m.timeline.map((e) => timelineRow(e, t)),
        ),
  );
  const spoke = [t('column.name'), t('column.duration'), t('column.turns')];
  out.push(
    `## ${t('heading.speakingTime')}`,
    m.speakingTime.length === 0
      ? t('empty.rounds')
      : table(
          spoke,
          m.speakingTime.map((s) => [cell(s.name), durationText(s.ms), String(s.turns)]),
        ),
  );
  for (const r of m.roundTimes) {
    if (r.speakingTime.length === 0) continue;
    out.push(
      `### ${cell(r.title)}`,
      table(
        spoke,
        r.speakingTime.map((s) => [cell(s.name), durationText(s.ms), String(s.turns)]),
      ),
    );
  }
  out.push(`## ${t('heading.evaluation')}`);
  const { evaluation } = m;
  out.push(t('evaluationCards', { count: evaluation.count }));
  const rated = Object.entries(evaluation.averages);
  if (evaluation.count > 0)
    out.push(
      table(
        [t('column.rating'), t('column.average')],
        rated.map(([k, v]) => [cell(ratingName(k, t)), v === null ? '–' : v.toFixed(2)]),
      ),
    );
  if (evaluation.comments.length > 0) out.push(evaluation.comments.map((c) => `- **${cell(c.name)}:** ${cell(c.comment)}`).join('\n'));
  out.push(...answersMarkdown(m, t), ...backlogMarkdown(m, t));
  out.push(`_${t('generated', { at: timeText(m.generatedAt), id: cell(meeting.id) })}_`);
  return `${out.join('\n\n')}\n`;
}

/** A rating's name in the language; a rating the catalogue does not know keeps its key. */
export const ratingName = (key: string, t: MinutesT): string =>
  ['timekeeping', 'equivalence', 'clarity', 'effectiveness'].includes(key) ? t(`rating.${key as 'clarity'}`) : key;

function round(title: string, r: MinutesRound, t: MinutesT): string[] {
  const out = [`## ${title}`, fact(t('order'), names(r.order))];
  if (r.notes.trim() !== '') out.push(markdownText(r.notes));
  return out;
}

function itemMarkdown(item: MinutesItem, n: number, m: MinutesJson, t: MinutesT): string[] {
  const out = [`### ${n}. ${cell(item.title)}`];
  const staged = item.kind === 'consent' || item.kind === 'selection';
  const kind = fact(t('item.kind'), t(`kind.${item.kind}`));
  const timebox = fact(t('item.timebox'), t('item.minutes', { count: item.timeboxMin }));
  const owner = fact(t('item.owner'), item.owner ? cell(item.owner.name) : '–');
  // a report or explore item has no stage and no proposal to consent to: its text is what was reported
  out.push(
    staged
      ? [
          `${kind} · ${fact(t('item.stage'), t(`stage.${item.stage}`))} · ${timebox}`,
          `${owner} · ${fact(t('item.reviewDate'), item.reviewDate ?? t('item.none'))}`,
          ...(item.term?.measure ? [fact(t('item.measure'), cell(item.term.measure))] : []),
        ].join('\\\n')
      : `${kind} · ${timebox} · ${owner}`,
  );
  if (staged) {
    out.push(
      `#### ${t('item.proposal')} (${t('item.revision', { revision: cell(item.proposal.revision) })})`,
      item.proposal.markdown.trim() === '' ? `_${t('empty.proposal')}_` : item.proposal.markdown,
    );
  } else if (item.proposal.markdown.trim() !== '') out.push(`#### ${t('item.text')}`, item.proposal.markdown);
  if (staged) {
    out.push(`#### ${t('item.consent')}`);
    if (item.recordFrozen) out.push(`_${frozenWords(item.recordFrozen.reason, t)} ${timeText(item.recordFrozen.at)}._`);
    out.push(consentMarkdown(item.consent, m, t));
  }
  if (item.objections.length > 0) out.push(`#### ${t('item.objections')}`, cards(item.objections, t));
  if (item.concerns.length > 0) out.push(`#### ${t('item.concerns')}`, cards(item.concerns, t));
  if (item.decision) {
    const d = item.decision;
    out.push(
      `#### ${t('item.decision')}`,
      `${t('decided', { at: timeText(d.at), by: cell(d.by.name), revision: cell(d.revision), term: cell(termWords(d.reviewDate, d.measure, t)) })}\\\n` +
        t('decidedConsented', { consented: names(d.consented), concerns: names(d.concerns) }),
      markdownText(d.text)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n'),
    );
    if (d.selection) {
      out.push(
        `**${t('item.selected')}:** ${t('selectedAs', { name: cell(d.selection.holder.name), role: cell(d.selection.roleName), termEnd: d.selection.termEnd ?? '–' })}`,
      );
    }
  }
  if (item.reviewQuestions.length > 0) {
    out.push(
      `#### ${t('item.reviewQuestions')}`,
      item.reviewQuestions.map((q) => `- ${cell(q.text)} — ${t('item.raisedBy')} **${cell(q.name)}**`).join('\n'),
    );
  }
  const exit = exitText(item, t);
  if (exit) out.push(`#### ${t('item.wayOut')}`, exit);
  if (item.notes.trim() !== '') out.push(`#### ${t('item.notes')}`, markdownText(item.notes));
  return out;
}

function consentMarkdown(c: ConsentRecord, m: MinutesJson, t: MinutesT): string {
  const nameOf = (id: string): MinutesPerson => m.attendance.find((p) => p.participantId === id) ?? { participantId: id, name: id };
  const list = (ids: readonly string[]): string => names(ids.map(nameOf));
  return [
    `**${consentWords(c.state, t)}**${c.round === null ? '' : t('consent.round', { round: c.round })}`,
    `${t('consent.consented')}: ${list(c.consented)}`,
    `${t('consent.withConcern')}: ${list(c.concerns)}`,
    `${t('consent.objecting')}: ${list(c.objecting)}`,
    `${t('consent.missing')}: ${list(c.missing)}${c.stale.length > 0 ? t('consent.olderRound', { names: list(c.stale) }) : ''}`,
    ...absenceLines(c, list, t),
  ].join('\\\n');
}

/** [Q2][Q6] The quorum, and the absent members with how they count. */
function absenceLines(c: ConsentRecord, list: (ids: readonly string[]) => string, t: MinutesT): string[] {
  const quorum = quorumWords(c, t);
  if (quorum === '') return [];
  const lines = [cell(quorum)];
  if ((c.absent ?? []).length > 0) {
    lines.push(
      `${t('consent.absent')}: ${list(c.absent ?? [])}${(c.assumed ?? []).length > 0 ? t('consent.assumed', { names: list(c.assumed ?? []) }) : ''}`,
    );
  }
  return lines;
}

function agendaConsentMarkdown(m: MinutesJson, t: MinutesT): string {
  const a = m.agendaConsent;
  if (!a) return agendaConsentWords('not-started', t);
  const when = a.recordedAt ? ` ${t('consent.movedOn', { at: timeText(a.recordedAt) })}` : '';
  const lines = [`**${agendaConsentWords(a.state, t)}**${when}`, `${t('consent.consented')}: ${names(a.consented)}`];
  if (a.missing.length > 0) lines.push(`${t('consent.noAnswer')}: ${names(a.missing)}`);
  const objections = a.objecting.map((o) => `- ${t('consent.objects', { name: `**${cell(o.name)}**`, reason: cell(o.reason) })}`);
  return [lines.join('\\\n'), ...(objections.length > 0 ? [objections.join('\n')] : [])].join('\n\n');
}

function cards(list: readonly MinutesCard[], t: MinutesT): string {
  return list
    .map((c) => {
      const head = `- **${cell(c.authorName)}** (${cardStatusWords(c, t)}${c.stale ? t('card.stale') : ''}): ${cell(c.text)}`;
      const way = wayThroughText(c, t);
      return c.resolution === null
        ? head
        : `${head}\\\n  _${t('card.integratedAs')}_ ${way ? `${way}: ` : ''}${cell(c.resolution)}${c.resolvedAt ? ` (${timeText(c.resolvedAt)})` : ''}`;
    })
    .join('\n');
}

function timelineRow(e: TimelineEntry, t: MinutesT): string[] {
  return [timeText(e.at), cell(timelineText(e, t)), cell(e.by.name)];
}

function table(head: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
