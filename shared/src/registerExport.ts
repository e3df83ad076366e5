// [CI26] The decision register as a file: Markdown for reading, CSV for a
// spreadsheet, JSON for other tools (its shape: docs/circles.md#register-json).
import type { RegisterEntry } from './circleRecords.ts';

export const REGISTER_FORMAT = 'consent-board-register/1' as const;

export interface RegisterJson {
  format: typeof REGISTER_FORMAT;
  circle: { id: string; name: string; aim: string };
  generatedAt: string;
  /** Every entry, those in force and those superseded, newest decision first. */
  entries: (Omit<RegisterEntry, 'decidedAt'> & { decidedAt: string })[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function registerJson(circle: RegisterJson['circle'], entries: readonly RegisterEntry[], now: number): RegisterJson {
  return { format: REGISTER_FORMAT, circle, generatedAt: iso(now), entries: entries.map((e) => ({ ...e, decidedAt: iso(e.decidedAt) })) };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const REGISTER_CSV_COLUMNS = [
  'id',
  'title',
  'decided_at',
  'meeting',
  'review_date',
  'measure',
  'revision',
  'consented',
  'concerns',
  'objections',
  'supersedes',
  'superseded_by',
  'text',
] as const;

export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.map((e) => [
    e.id,
    e.title,
    iso(e.decidedAt),
    e.meetingTitle,
    e.reviewDate ?? '',
    e.measure ?? '',
    e.revision,
    e.consent.consented.map((p) => p.name).join('; '),
    e.consent.concerns.map((c) => (c.text ? `${c.name}: ${c.text}` : c.name)).join('; '),
    e.consent.objections
      .map((o) => `${o.name}: ${o.text} (${o.status}${o.path ? `, ${o.path}` : ''}${o.resolution ? `: ${o.resolution}` : ''})`)
      .join('; '),
    e.supersedes ?? '',
    e.supersededBy ?? '',
    e.markdown,
  ]);
  return `${[REGISTER_CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\r\n')}\r\n`;
}

const line = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function registerMarkdown(circle: RegisterJson['circle'], entries: readonly RegisterEntry[]): string {
  const out: string[] = [`# Decision register: ${line(circle.name)}`, ''];
  if (entries.length === 0) out.push('No decisions yet.', '');
  for (const e of entries) {
    out.push(`## ${line(e.title)}${e.supersededBy ? ' (superseded)' : ''}`, '');
    out.push(`- Decided: ${iso(e.decidedAt).slice(0, 10)} in “${line(e.meetingTitle)}”`);
    out.push(`- Review date: ${e.reviewDate ?? 'none'}`);
    if (e.measure) out.push(`- Measure of success: ${line(e.measure)}`);
    out.push(`- Revision: ${e.revision}`);
    out.push(`- Consented: ${e.consent.consented.map((p) => line(p.name)).join(', ') || 'nobody'}`);
    for (const c of e.consent.concerns) out.push(`- Concern of ${line(c.name)}${c.text ? `: ${line(c.text)}` : ''}`);
    for (const o of e.consent.objections) {
      out.push(
        `- Objection of ${line(o.name)}: ${line(o.text)} — ${o.status}${o.path ? ` (${o.path})` : ''}${o.resolution ? `: ${line(o.resolution)}` : ''}`,
      );
    }
    if (e.supersedes) out.push(`- Revises: ${e.supersedes}`);
    if (e.supersededBy) out.push(`- Superseded by: ${e.supersededBy}`);
    out.push('', e.markdown.trim() || '_(no text)_', '');
  }
  return out.join('\n');
}
