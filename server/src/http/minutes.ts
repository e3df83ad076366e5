// The minutes export: the shared renderer's Markdown, HTML or JSON of a
// meeting, with a download file name that names the meeting and its date.
import { z } from 'zod';
import {
  buildMinutes,
  MINUTES_LANGUAGES,
  minutesHtml,
  minutesMarkdown,
  minutesT,
  readMeeting,
  type MinutesLanguage,
} from '@consent/shared';
import type { AppDeps } from './deps.ts';

type Deps = Pick<AppDeps, 'manager' | 'now'>;

export const MINUTES_FORMATS = ['md', 'html', 'json'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

const CONTENT_TYPES: Record<MinutesFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** `circle-retro-2026-11-26-minutes.md`: the meeting's title and date, safe in any file system. */
export function minutesFileName(title: string, createdAt: number, format: MinutesFormat): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'meeting';
  const date = new Date(createdAt).toISOString().slice(0, 10);
  return `${slug}-${date}-minutes.${format}`;
}

/** `?lang=`: the language of the minutes' words, English when absent. */
export const MinutesLang = z
  .enum(Object.keys(MINUTES_LANGUAGES) as [MinutesLanguage, ...MinutesLanguage[]], {
    error: `lang must be one of: ${Object.keys(MINUTES_LANGUAGES).join(', ')}.`,
  })
  .default('en');

export async function exportMinutes(deps: Deps, meetingId: string, format: MinutesFormat, lang: MinutesLanguage = 'en') {
  const t = minutesT(lang);
  return deps.manager.readDoc(meetingId, (doc) => {
    const { meeting } = readMeeting(doc);
    const minutes = buildMinutes(meeting, { meetingId, now: deps.now(), t });
    const body =
      format === 'md' ? minutesMarkdown(minutes, t) : format === 'html' ? minutesHtml(minutes, t, lang) : JSON.stringify(minutes, null, 2);
    return {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: minutesFileName(meeting.meta.title, meeting.meta.createdAt, format),
    };
  });
}
