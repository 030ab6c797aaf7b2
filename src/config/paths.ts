// Every route path of the app, with helpers that build links: one place to change a URL.
export const paths = {
  home: { path: '/', href: () => '/' },
  areas: { path: '/areas', href: () => '/areas' },
  area: { path: '/areas/:areaId', href: (areaId: string) => `/areas/${areaId}` },
  sessions: { path: '/sessions', href: () => '/sessions' },
  session: { path: '/sessions/:sessionId', href: (sessionId: string) => `/sessions/${sessionId}` },
  practiceArea: { path: '/practice/area/:areaId', href: (areaId: string) => `/practice/area/${areaId}` },
  practiceSession: { path: '/practice/session/:sessionId', href: (sessionId: string) => `/practice/session/${sessionId}` },
} as const;
