// Live data from storage for the pages a first visit opens (content pages drawn at build
// time): on a device without a database nothing of the database code loads, and no database
// is created, until something is stored. Elsewhere, useStored (use-stored.ts) is simpler.
import { useEffect, useRef, useState } from 'react';
import { databaseExists } from './presence';

/** Calls onValue with each new value of a query until the returned stop is called. */
export type Watch<T> = (onValue: (value: T) => void, onError: (err: unknown) => void) => () => void;

/**
 * The live value of the watch that `load` brings (a dynamic import), or `fallback` on a device
 * without a database or when storage fails; undefined while it looks.
 */
export function usePresent<T>(load: () => Promise<Watch<T>>, fallback: T): T | undefined {
  const [value, setValue] = useState<{ current: T }>();
  // Read once per mount: the caller's load and fallback stand for one query.
  const query = useRef({ load, fallback });
  useEffect(() => {
    const { load: loadWatch, fallback: empty } = query.current;
    let live = true;
    let stop: (() => void) | undefined;
    const give = (v: T) => live && setValue({ current: v });
    databaseExists()
      .then(async (found) => {
        if (!found) return give(empty);
        const watch = await loadWatch();
        if (live) stop = watch(give, () => give(empty));
      })
      .catch(() => give(empty));
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  return value?.current;
}
