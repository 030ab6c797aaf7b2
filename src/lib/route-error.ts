// What went wrong when a page could not be shown, in one rule, so the error page never blames
// the network when the network is not the cause.

export type RouteErrorKind =
  /** No such page (a 404 from the router). */
  | 'not-found'
  /** A page's code is gone from the server: the tab runs an older version than the one deployed. */
  | 'new-version'
  /** The device is offline, or the page's code could not be fetched at all. */
  | 'offline'
  /** Anything else: a bug, said as such. */
  | 'other';

/** Messages browsers give when a dynamic import (a route chunk) cannot be loaded. */
const CHUNK_FAILURE =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading chunk [\w-]+ failed/i;

/** Messages of a fetch that never reached a server (fetch's TypeError in each engine). */
const FETCH_FAILURE = /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed)$/i;

export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  status?: unknown;
}

export function classifyRouteError(error: unknown, online: boolean): RouteErrorKind {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.status === 404) return 'not-found';
  const message = typeof e.message === 'string' ? e.message : '';
  const chunk = e.name === 'ChunkLoadError' || CHUNK_FAILURE.test(message);
  if (!online && (chunk || FETCH_FAILURE.test(message))) return 'offline';
  if (chunk) return 'new-version';
  if (FETCH_FAILURE.test(message)) return 'offline';
  return 'other';
}
