// The consent-process stage of an agenda item as a small badge.
import type { AgendaItem } from '@consent/shared';
import { STAGE_LABEL } from './words.ts';

export function StageBadge({ item }: { item: AgendaItem }) {
  if (item.kind !== 'consent' && item.kind !== 'selection' && item.stage === 'draft') return null;
  return <span className={`badge stage-${item.stage}`}>{STAGE_LABEL[item.stage]}</span>;
}
