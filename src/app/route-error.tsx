// The error page of every route: says what happened in plain words (a newer version, offline,
// a missing page, or a bug), and always offers a way home and "Export my data" (Settings), so
// nothing studied is out of reach. It blames the network only when the network is the cause.
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { classifyRouteError } from '../lib/route-error';

const COPY = {
  'new-version': {
    title: 'A new version is available: reload',
    body: 'This page belongs to a newer version of CLM Study than the one open in this tab. Reload to get it; your progress stays on this device.',
  },
  offline: {
    title: 'You are offline',
    body: 'This page has not been saved on this device yet: open it once while online.',
  },
  'not-found': {
    title: 'Not found',
    body: 'This page does not exist. It may have been renamed in a newer version of the program.',
  },
  other: {
    title: 'Something went wrong',
    body: 'This page could not be shown. Your progress stays on this device.',
  },
} as const;

export function RouteError() {
  const error = useRouteError();
  const kind = classifyRouteError(error, navigator.onLine);
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  const copy = COPY[kind];
  return (
    <section className="notice notice-error" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title" tabIndex={-1}>
        {copy.title}
      </h1>
      <p>{copy.body}</p>
      {kind === 'other' && <p className="muted">Details: {detail}</p>}
      <p className="pager">
        {kind !== 'not-found' && (
          <button type="button" className="button" onClick={() => location.reload()}>
            Reload
          </button>
        )}
        <a className="button-secondary" href="/">
          Go home
        </a>
        <a className="button-secondary" href="/settings">
          Export my data
        </a>
      </p>
    </section>
  );
}

/** The app's last boundary (when the layout itself fails): the same page in its own main. */
export function RootError() {
  return (
    <main id="main" tabIndex={-1}>
      <RouteError />
    </main>
  );
}
