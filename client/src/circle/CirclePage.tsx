// A circle as its member sees it: name, aim, domain, members, roles and meetings;
// the facilitator's tools beside them. A refused credential shows the server's reason.
import { useEffect } from 'react';
import { CIRCLES_PATH, navigate } from '../router.ts';
import { AddMember } from './AddMember.tsx';
import { CircleMeetings } from './CircleMeetings.tsx';
import { loadCircle } from './circleSession.ts';
import { MemberList } from './MemberList.tsx';
import { MoveToPhone } from './MoveToPhone.tsx';
import { RoleList } from './RoleList.tsx';
import { useCircle } from './useCircle.ts';
import { CalendarFeed } from './CalendarFeed.tsx';
import { CircleActions } from './CircleActions.tsx';
import { CircleBacklog } from './CircleBacklog.tsx';
import { Register } from './Register.tsx';
import { Trends } from './Trends.tsx';
import { useCircleEvents } from './useCircleEvents.ts';
import { useRefreshOnReturn } from './useLoaded.ts';
import { CIRCLE_PAGE } from './words.ts';
import '../styles/circle.css';

export function CirclePage({ circleId }: { circleId: string }) {
  const session = loadCircle(circleId);
  const data = useCircle(circleId, session);
  // the circle's memory is read again when the page comes back into view, and [CI31] as the server says it changed
  const version = useRefreshOnReturn();
  const live = useCircleEvents(circleId, session?.credential, data.reload);
  const { reload } = data;
  const circleChanges = live.members + live.roles + live.meetings;
  useEffect(() => {
    if (circleChanges > 0) reload();
  }, [circleChanges, reload]);
  const back = (
    <p>
      <a
        href={CIRCLES_PATH}
        onClick={(e) => {
          e.preventDefault();
          navigate(CIRCLES_PATH);
        }}
      >
        {CIRCLE_PAGE.myCircles}
      </a>
    </p>
  );
  if (!session) {
    return (
      <main className="page narrow">
        <h1>{CIRCLE_PAGE.noAccess}</h1>
        <p>{CIRCLE_PAGE.noAccessTodo}</p>
        {back}
      </main>
    );
  }
  if (data.error) {
    return (
      <main className="page narrow">
        <h1>{session.circleName ?? CIRCLE_PAGE.noAccess}</h1>
        <p className="error" role="alert">
          {data.error.message}
        </p>
        {back}
      </main>
    );
  }
  const { circle } = data;
  if (!circle)
    return (
      <p className="loading" role="status">
        {CIRCLE_PAGE.loading}
      </p>
    );
  return (
    <main className="page circle-page">
      {back}
      <h1>{circle.name}</h1>
      <p className="lead">
        {CIRCLE_PAGE.you(circle.you.name)} {circle.you.facilitator && CIRCLE_PAGE.youFacilitate}
      </p>
      <dl className="circle-charter">
        <dt>{CIRCLE_PAGE.aim}</dt>
        <dd>{circle.aim || CIRCLE_PAGE.none}</dd>
        <dt>{CIRCLE_PAGE.domain}</dt>
        <dd>{circle.domain || CIRCLE_PAGE.none}</dd>
      </dl>
      <div className="circle-columns">
        <div>
          <CircleMeetings circle={circle} meetings={data.meetings} session={session} />
          <Register circleId={circle.id} session={session} version={version + live.register} />
          <RoleList circle={circle} session={session} onChange={data.reload} />
        </div>
        <div>
          <MemberList circle={circle} session={session} onChange={data.reload} />
          {circle.you.facilitator && <AddMember circleId={circle.id} session={session} onAdded={data.reload} />}
          <MoveToPhone circleId={circle.id} session={session} />
          <CircleBacklog
            circleId={circle.id}
            session={session}
            canPropose={circle.you.role === 'member'}
            version={version + live.backlog}
          />
          <CircleActions circleId={circle.id} session={session} version={version + live.actions} />
          <Trends circleId={circle.id} session={session} version={version + live.meetings} />
          <CalendarFeed circleId={circle.id} session={session} facilitator={circle.you.facilitator} />
        </div>
      </div>
    </main>
  );
}
