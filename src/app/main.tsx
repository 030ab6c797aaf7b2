import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { applyTheme, readTheme } from '../lib/theme';
import { createRouter } from './router';
import './styles.css';

// The remembered theme applies before the first render, so a pinned theme never flashes the
// other one. (styles.css follows the system until then; no inline script, so the CSP holds.)
applyTheme(readTheme());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(readTheme()));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={createRouter()} />
  </StrictMode>,
);
