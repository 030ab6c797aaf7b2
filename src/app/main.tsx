import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { databaseExists } from '../db/presence';
import { applyTheme, readTheme } from '../lib/theme';
import { setRenderDay } from '../components/ui/use-today';
import { readPrerendered, refill, resolveLazyRoutes } from './hydration';
import { AppReady } from './app-ready';
import { createRouter, routes } from './router';
import './styles.css';

// The remembered theme: index.html's one inline script (THEME_BOOT in scripts/html-plugins.ts,
// allowed by its hash) sets it before the first paint; this keeps it, and the toolbar colour,
// in step, also when the system theme changes.
applyTheme(readTheme());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(readTheme()));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A content page arrives prerendered (scripts/prerender-plugin.ts): React takes over its
// markup. Any other page (the app shell) is drawn here from nothing, and so is a prerendered
// one whose route chunk cannot be loaded (the route's error page then says why).
// (No top-level await here: it would make the bundler split the entry into many small chunks.)
function render(container: HTMLElement) {
  container.replaceChildren();
  createRoot(container).render(
    <StrictMode>
      <RouterProvider router={createRouter()} />
      <AppReady />
    </StrictMode>,
  );
}

const prerendered = readPrerendered(document, location.pathname);
if (prerendered) {
  Promise.all([
    resolveLazyRoutes(routes, location.pathname),
    refill(prerendered.state, routes, new URL(location.href)),
  ]).then(
    ([, state]) => {
      setRenderDay(prerendered.day);
      // As a transition, hydration yields to the browser every few milliseconds instead of
      // blocking it in one long task: the page is already drawn, and a tap meanwhile is
      // replayed once its part is hydrated; one before hydration starts is held by the inline
      // tap hold and pressed again when <AppReady> has hydrated (app-ready.ts).
      startTransition(() => {
        hydrateRoot(
          root,
          <StrictMode>
            <RouterProvider router={createRouter(state)} />
            <AppReady />
          </StrictMode>,
        );
      });
    },
    () => render(root),
  );
} else {
  render(root);
}

// Sync, on a device that is signed in: a moment after start, and only where the app's database
// exists (never on a first visit), the small facade reads the account and, only if there is
// one, loads the engine (yjs and the provider never ride in this chunk).
setTimeout(
  () =>
    void databaseExists()
      .then((exists) => (exists ? import('../sync/index').then((sync) => sync.ensureSyncStarted()) : undefined))
      .catch(() => undefined),
  1000,
);
