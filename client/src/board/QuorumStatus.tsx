// [Q2][Q3][Q5–Q8] The consent panel's quorum line and how each absent member counts.
import type { ConsentRecord } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ABSENT_COUNTS, ABSENT, ABSENTEE_LABEL, quorumLine } from './absenceWords.ts';

function howCounts(record: ConsentRecord, id: string): string {
  if (record.assumed?.includes(id)) return ABSENT_COUNTS.assumed;
  if (record.missing.includes(id)) return ABSENT_COUNTS.awaited;
  if (record.eligible.includes(id)) return ABSENT_COUNTS.counted;
  return ABSENT_COUNTS.notCounted;
}

export function QuorumStatus({ record }: { record: ConsentRecord }) {
  const { snapshot } = useBoard();
  // a record frozen before quorums existed has none to show
  if (!record.quorum || !record.absentees) return null;
  const absent = record.absent ?? [];
  const setAside = record.setAside ?? [];
  return (
    <div className="quorum-status" data-quorum-met={record.quorum.met}>
      <p className={record.quorum.met ? 'hint' : 'quorum-missing'}>{quorumLine(record.quorum)}</p>
      {absent.length > 0 && (
        <>
          <p className="hint">
            {ABSENT.heading}: {ABSENTEE_LABEL[record.absentees].toLowerCase()}.
          </p>
          <ul className="absent-list" aria-label={ABSENT.heading}>
            {absent.map((id) => (
              <li key={id}>
                {snapshot.participants[id]?.name ?? id} — {howCounts(record, id)}
              </li>
            ))}
          </ul>
        </>
      )}
      {setAside.length > 0 && <p className="hint">{ABSENT_COUNTS.setAside(setAside.length)}</p>}
    </div>
  );
}
