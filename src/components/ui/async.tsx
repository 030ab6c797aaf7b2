import { useEffect, useState } from 'react';

export type Async<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/** Runs a promise-returning loader when its key changes; the result is dropped if stale. */
export function useAsync<T>(load: () => Promise<T>, key: string): Async<T> {
  const [state, setState] = useState<{ key: string; value: Async<T> }>({ key, value: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ key, value: { status: 'ready', value } }),
      (error: unknown) => live && setState({ key, value: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      live = false;
    };
    // The key stands for the loader's inputs.
  }, [key]);
  return state.key === key ? state.value : { status: 'loading' };
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

export function LoadError({ error }: { error: Error }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>This part of the app could not be loaded. If you are offline, open it once online first.</p>
      <p className="muted">{error.message}</p>
    </div>
  );
}
