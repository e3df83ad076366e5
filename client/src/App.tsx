// Chooses the page for the current address; the board is loaded on demand.
import { lazy, Suspense } from 'react';
import { useRoute } from './router.ts';
import { StartPage } from './pages/StartPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { MyMeetingsPage } from './pages/MyMeetingsPage.tsx';
import { CirclePage } from './circle/CirclePage.tsx';
import { JoinCirclePage } from './circle/JoinCirclePage.tsx';
import { MyCirclesPage } from './circle/MyCirclesPage.tsx';
import { NewCirclePage } from './circle/NewCirclePage.tsx';
import { NOT_JOINED } from './access/words.ts';
import { useTranslation } from 'react-i18next';

const BoardPage = lazy(() => import('./pages/BoardPage.tsx'));

export function App() {
  const route = useRoute();
  useTranslation(); // the pages re-render in a newly chosen language
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'meetings':
      return <MyMeetingsPage />;
    case 'join':
      return <JoinPage meetingId={route.meetingId} code={route.code} role={route.role} />;
    case 'board':
      return (
        <Suspense
          fallback={
            <p className="loading" role="status">
              {NOT_JOINED.opening}
            </p>
          }
        >
          <BoardPage meetingId={route.meetingId} />
        </Suspense>
      );
    case 'circles':
      return <MyCirclesPage />;
    case 'newCircle':
      return <NewCirclePage />;
    case 'circle':
      return <CirclePage circleId={route.circleId} />;
    case 'joinCircle':
      return <JoinCirclePage circleId={route.circleId} />;
    default:
      return <NotFoundPage />;
  }
}
