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

/**
 * A route's `handle` key: its loader's data is drawn into the prerendered HTML and can be loaded
 * again on the client (the session material, from its chunk), so the page does not carry it a
 * second time as hydration data. The route needs an explicit `id`.
 */
export const REFILL_ON_HYDRATE = 'refillOnHydrate';
/** Stands in the hydration data for what the client loads again. */
export const REFILL = { refill: true } as const;

type Handle = Record<string, unknown> | undefined;
const refills = (route: RouteObject) => (route.handle as Handle)?.[REFILL_ON_HYDRATE] === true;

/** The prerendered state without the data the client loads again (prerender.tsx). */
export function withoutRefills(state: HydrationState, routes: RouteObject[], pathname: string): HydrationState {
  const loaderData = { ...state.loaderData };
  for (const { route } of matchRoutes(routes, pathname) ?? []) {
    if (refills(route) && route.id && route.id in loaderData) loaderData[route.id] = REFILL;
  }
  return { ...state, loaderData };
}

/** Loads again what withoutRefills left out, so hydration sees the same data (main.tsx). */
export async function refill(state: HydrationState, routes: RouteObject[], url: URL): Promise<HydrationState> {
  const loaderData = { ...state.loaderData };
  await Promise.all(
    (matchRoutes(routes, url.pathname) ?? []).map(async ({ route, params }) => {
      const id = route.id;
      const marker = id ? (loaderData[id] as { refill?: unknown } | undefined) : undefined;
      if (!id || !refills(route) || marker?.refill !== true || typeof route.loader !== 'function') return;
      loaderData[id] = await route.loader({
        params,
        request: new Request(url),
        url,
        pattern: route.path ?? '',
        context: undefined,
      });
    }),
  );
  return { ...state, loaderData };
}
