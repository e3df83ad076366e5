// The minutes' parts about what a meeting hands on: the backlog ("Carried to the
// next meeting"), the action items and the evaluation's answers (BL6, AI5, E4).
import { actionsOf, backlogOf } from '../backlogView.ts';
import { EVALUATION_PROMPTS } from '../schema.ts';
import { evaluationEntryId } from '../followUpSchema.ts';
import type { MeetingSnapshot } from '../types.ts';
import { minutesT, type MinutesT } from './catalogue/index.ts';
import type { MinutesAction, MinutesBacklogEntry, MinutesEvaluation, MinutesPerson } from './types.ts';

const iso = (ms: number): string => new Date(ms).toISOString();
type Person = (id: string) => MinutesPerson;

export function backlogMinutes(s: MeetingSnapshot, person: Person): MinutesBacklogEntry[] {
  const titleOf = (itemId: string): string => s.agenda.find((i) => i.id === itemId)?.title ?? itemId;
  return backlogOf(s).map((e) => ({
    id: e.id,
    title: e.title,
    text: e.text,
    source: e.source,
    itemId: e.itemId ?? null,
    itemTitle: e.itemId === undefined ? null : titleOf(e.itemId),
    author: person(e.authorId),
    at: iso(e.at),
    derived: e.derived,
  }));
}

export function actionMinutes(s: MeetingSnapshot, person: Person): MinutesAction[] {
  return actionsOf(s).map((a) => ({
    id: a.id,
    itemId: a.itemId,
    itemTitle: s.agenda.find((i) => i.id === a.itemId)?.title ?? a.itemId,
    text: a.text,
    assignee: person(a.assigneeId),
    due: a.due,
    done: a.done,
    doneAt: a.doneAt === undefined ? null : iso(a.doneAt),
    author: person(a.authorId),
    at: iso(a.at),
  }));
}

export function answersMinutes(s: MeetingSnapshot, person: Person, t: MinutesT = minutesT()): MinutesEvaluation['answers'] {
  return Object.entries(s.evaluation).flatMap(([id, e]) =>
    EVALUATION_PROMPTS.flatMap((prompt) => {
      const text = (e[prompt] ?? '').trim();
      if (text === '') return [];
      return [
        {
          ...person(id),
          prompt,
          question: t(`prompt.${prompt}`),
          text,
          inBacklog: s.backlog?.[evaluationEntryId(id, prompt)] !== undefined,
        },
      ];
    }),
  );
}
