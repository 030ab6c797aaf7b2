// Checks the draft in the worker as it changes: one check at a time, the latest text next (a
// fast typist's intermediate texts are skipped, never queued). The last clean result is kept
// so the preview still shows the questions while a problem is being fixed.
import { useEffect, useRef, useState } from 'react';
import type { Checked, ToWorker } from './check-protocol';
import { packBase } from './data';

/** How long typing must pause before the draft is checked. */
const PAUSE_MS = 100;

interface Texts {
  session: string;
  questions: string;
}

export interface CheckState {
  /** The latest result (undefined until the first one arrives). */
  latest?: Checked | undefined;
  /** The last result without problems. */
  lastClean?: Checked | undefined;
  /** The text on screen has changed since the latest result. */
  checking: boolean;
}

export function useCheck(session: string, questions: string): CheckState {
  const send = useRef<(texts: Texts) => void>(() => undefined);
  const [results, setResults] = useState<{ latest?: Checked & Texts; lastClean?: Checked }>({});

  useEffect(() => {
    const w = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    const post = (message: ToWorker) => w.postMessage(message, { transfer: [] });
    post({ type: 'base', base: packBase });
    let inflight: (Texts & { id: number }) | undefined;
    let waiting: Texts | undefined;
    let ids = 0;
    const next = () => {
      if (inflight || !waiting) return;
      inflight = { id: ++ids, ...waiting };
      waiting = undefined;
      post({ type: 'check', ...inflight });
    };
    w.onmessage = (event: MessageEvent<Checked>) => {
      const done = inflight;
      inflight = undefined;
      if (done && event.data.id === done.id) {
        const result = { ...event.data, session: done.session, questions: done.questions };
        setResults((r) => ({ latest: result, lastClean: result.compiled ? result : r.lastClean }));
      }
      next();
    };
    send.current = (texts) => {
      waiting = texts;
      next();
    };
    return () => w.terminate();
  }, []);

  // Sent once typing pauses for a moment: each result costs the page a redraw, which a keystroke
  // arriving meanwhile would wait for; the worker's check itself takes tens of milliseconds.
  useEffect(() => {
    const timer = setTimeout(() => send.current({ session, questions }), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [session, questions]);

  const { latest, lastClean } = results;
  const checking = !latest || latest.session !== session || latest.questions !== questions;
  return { latest, lastClean, checking };
}
