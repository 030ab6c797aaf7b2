// The name of the event main.tsx sends once React runs the page (src/app/app-ready.ts). Its own
// file, free of React: scripts/html-plugins.ts reads it while Vite loads its config, and
// loading React there would fix its build mode (development) for the prerender as well.
export const APP_READY_EVENT = 'clm-app-ready';
