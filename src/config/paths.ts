// Every route path of the app, with helpers that build links: one place to change a URL.
export const paths = {
  home: { path: '/', href: () => '/' },
  areas: { path: '/areas', href: () => '/areas' },
  area: { path: '/areas/:areaId', href: (areaId: string) => `/areas/${areaId}` },
  sessions: { path: '/sessions', href: () => '/sessions' },
  session: { path: '/sessions/:sessionId', href: (sessionId: string) => `/sessions/${sessionId}` },
  practiceArea: { path: '/practice/area/:areaId', href: (areaId: string) => `/practice/area/${areaId}` },
  practiceSession: {
    path: '/practice/session/:sessionId',
    href: (sessionId: string) => `/practice/session/${sessionId}`,
  },
  practice: {
    path: '/practice',
    href: (source?: string) => (source ? `/practice?source=${encodeURIComponent(source)}` : '/practice'),
  },
  practiceSet: { path: '/practice/set/:attemptId', href: (attemptId: string) => `/practice/set/${attemptId}` },
  exam: { path: '/exam', href: () => '/exam' },
  examAttempt: { path: '/exam/:attemptId', href: (attemptId: string) => `/exam/${attemptId}` },
  progress: { path: '/progress', href: () => '/progress' },
  search: { path: '/search', href: (q?: string) => (q ? `/search?q=${encodeURIComponent(q)}` : '/search') },
  chapter: { path: '/chapter', href: () => '/chapter' },
  chapterSchedule: { path: '/chapter/schedule', href: () => '/chapter/schedule' },
  chapterRoster: { path: '/chapter/roster', href: () => '/chapter/roster' },
  chapterShare: { path: '/chapter/share', href: () => '/chapter/share' },
  checkIn: { path: '/chapter/check-in/:sessionId', href: (sessionId: string) => `/chapter/check-in/${sessionId}` },
  members: { path: '/chapter/members', href: () => '/chapter/members' },
  certificate: {
    path: '/chapter/certificate/:memberId',
    href: (memberId: string) => `/chapter/certificate/${memberId}`,
  },
  myHours: { path: '/my-hours', href: () => '/my-hours' },
  /** Speakers write session packs here. */
  author: { path: '/author', href: () => '/author' },
  more: { path: '/more', href: () => '/more' },
  settings: { path: '/settings', href: () => '/settings' },
  /** Settings' sync section: where signing in leads. */
  settingsSync: { path: '/settings', href: () => '/settings#sync' },
  /** An invite or device link: the code is in the fragment (#code=...), never sent to a server in a URL. */
  join: { path: '/join', href: () => '/join' },
} as const;
