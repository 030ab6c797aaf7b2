// What a prerendered page carries for the client to hydrate it (see prerender.tsx, which
// writes it, and main.tsx, which reads it). It travels as a JSON data block, which the
// Content-Security-Policy allows (it is never executed), not as an inline script.
import { matchRoutes, type HydrationState, type RouteObject } from 'react-router';

export const PRERENDERED_ID = 'clm-prerendered';

export interface Prerendered {
  /** The path the page was drawn for: hydrate only there (a host may serve it for another). */
  path: string;
  /** The day it was drawn on, in the program's timezone (see use-today.ts). */
  day: string;
  state: HydrationState;
}

/** A path without its trailing slash ("/areas/" and "/areas" are one page). */
export function normalPath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can end it early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page's prerendered state, when it was drawn for this path. */
export function readPrerendered(doc: Document, pathname: string): Prerendered | undefined {
  const text = doc.getElementById(PRERENDERED_ID)?.textContent;
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as Prerendered;
    return normalPath(data.path) === normalPath(pathname) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the lazy route modules of a path before hydrating, so the first client render draws
 * the same components as the prerendered markup (a route still lazy would render nothing).
 */
export async function resolveLazyRoutes(routes: RouteObject[], pathname: string): Promise<void> {
  const matches = matchRoutes(routes, pathname) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return;
      const loaded = await route.lazy();
      Object.assign(route, loaded, { lazy: undefined });
    }),
  );
}
