// Routes of the app. Each page but Home is its own chunk, loaded when first visited, so the
// first screen carries only the shell, Home and the content index.
import { createBrowserRouter, type HydrationState, type RouteObject } from 'react-router';
import { paths } from '../config/paths';
import { loadSession, loadAreaQuestions, loadMaterial, loadSessionQuestions } from '../content/runtime';
import { REFILL_ON_HYDRATE } from './hydration';
import { Layout } from './layout';
import { RootError, RouteError } from './route-error';
import HomePage from '../features/home/home-page';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RootError,
    HydrateFallback: () => null,
    children: [
      // Home is where most visits start: it ships with the shell to save a round trip.
      { index: true, Component: HomePage },
      {
        path: paths.areas.path,
        lazy: async () => ({ Component: (await import('../features/areas/areas-page')).default }),
      },
      {
        path: paths.area.path,
        lazy: async () => ({ Component: (await import('../features/areas/area-page')).default }),
      },
      {
        path: paths.sessions.path,
        lazy: async () => ({ Component: (await import('../features/sessions/sessions-page')).default }),
      },
      {
        path: paths.session.path,
        id: 'session',
        // The material arrives with the page, so nothing shifts under the reader. A prerendered
        // page has it in its HTML already: it is loaded again from its chunk, not sent twice.
        handle: { [REFILL_ON_HYDRATE]: true },
        loader: ({ params }) => loadMaterial(params.sessionId ?? ''),
        lazy: async () => ({ Component: (await import('../features/sessions/session-page')).default }),
      },
      {
        path: paths.practiceArea.path,
        loader: ({ params }) => loadAreaQuestions(params.areaId ?? ''),
        lazy: async () => ({ Component: (await import('../features/practice/practice-page')).PracticeAreaPage }),
      },
      {
        path: paths.practiceSession.path,
        loader: async ({ params }) => {
          const session = await loadSession(params.sessionId);
          return session ? loadSessionQuestions(session) : [];
        },
        lazy: async () => ({ Component: (await import('../features/practice/practice-page')).PracticeSessionPage }),
      },
      {
        path: paths.practice.path,
        lazy: async () => ({ Component: (await import('../features/practice/practice-hub-page')).default }),
      },
      { path: paths.practiceSet.path, lazy: () => import('../features/practice/practice-set-page') },
      { path: paths.exam.path, lazy: () => import('../features/exam/exam-hub-page') },
      { path: paths.examAttempt.path, lazy: () => import('../features/exam/exam-page') },
      { path: paths.progress.path, lazy: () => import('../features/progress/progress-page') },
      { path: paths.search.path, lazy: () => import('../features/search/search-page') },
      { path: paths.chapter.path, lazy: () => import('../features/chapter/chapter-page') },
      { path: paths.chapterSchedule.path, lazy: () => import('../features/chapter/schedule-page') },
      { path: paths.chapterRoster.path, lazy: () => import('../features/chapter/roster-page') },
      { path: paths.chapterShare.path, lazy: () => import('../features/chapter/share-page') },
      { path: paths.checkIn.path, lazy: () => import('../features/chapter/check-in-page') },
      { path: paths.members.path, lazy: () => import('../features/chapter/members-page') },
      { path: paths.certificate.path, lazy: () => import('../features/chapter/certificate-page') },
      { path: paths.myHours.path, lazy: () => import('../features/hours/my-hours-page') },
      { path: paths.author.path, lazy: () => import('../features/author/author-page') },
      { path: paths.more.path, lazy: () => import('./nav/more-page') },
      // Settings with the sync section in it (src/app composes the two features).
      { path: paths.settings.path, lazy: () => import('./settings-route') },
      // An invite or device link: /join#code=...
      { path: paths.join.path, lazy: () => import('../features/sync/join-page') },
      { path: '*', lazy: async () => ({ Component: (await import('../components/ui/not-found')).NotFound }) },
    ],
  },
];

// Every page has its own error boundary, so an error (a page's code gone after a deploy, say)
// shows inside the layout, with the menu still there. A page whose code cannot be loaded
// becomes a page that throws the load error: react-router (7.18) renders no boundary at all
// for a route whose lazy() rejected, only the layout with nothing in it.
for (const route of routes[0]?.children ?? []) {
  route.ErrorBoundary ??= RouteError;
  const load = route.lazy;
  if (typeof load !== 'function') continue;
  route.lazy = async () => {
    try {
      return await load();
    } catch (error) {
      return {
        Component: () => {
          throw error;
        },
      };
    }
  };
}

/** The app's router; given the state of a prerendered page, it takes that page over as is. */
export function createRouter(hydrationData?: HydrationState) {
  return createBrowserRouter(routes, hydrationData ? { hydrationData } : {});
}
