import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { applyTheme, readTheme } from '../lib/theme';
import { setRenderDay } from '../components/ui/use-today';
import { readPrerendered, resolveLazyRoutes } from './hydration';
import { createRouter, routes } from './router';
import './styles.css';

// The remembered theme applies before the first render, so a pinned theme never flashes the
// other one. (styles.css follows the system until then; no inline script, so the CSP holds.)
applyTheme(readTheme());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(readTheme()));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A content page arrives prerendered (scripts/prerender-plugin.ts): React takes over its
// markup. Any other page (the app shell) is drawn here from nothing.
const prerendered = readPrerendered(document, location.pathname);
if (prerendered) {
  await resolveLazyRoutes(routes, location.pathname);
  setRenderDay(prerendered.day);
  hydrateRoot(
    root,
    <StrictMode>
      <RouterProvider router={createRouter(prerendered.state)} />
    </StrictMode>,
  );
} else {
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={createRouter()} />
    </StrictMode>,
  );
}
