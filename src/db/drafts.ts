// A speaker's draft session pack (the Author page): the session file, the question file and
// the version to publish, in the drafts table, so a reload or a crash loses nothing. Written on
// every change, in the idle moment after the keystroke is drawn; writes are made one after
// another, the latest text winning, so a fast typist never queues a write per keystroke. Its
// own table, watched by no live query: a write per keystroke re-runs nothing else. Not in backups: a pack file (Export) is the copy to keep.
import { db } from './db';

export const DRAFT_KEY = 'author:draft';

export interface Draft {
  session: string;
  questions: string;
  /** The version the next publish or export will carry. */
  version: number;
  updatedAt: number;
}

export async function readDraft(): Promise<Draft | undefined> {
  const value = (await db.drafts.get(DRAFT_KEY))?.value as Partial<Draft> | undefined;
  if (!value || typeof value.session !== 'string' || typeof value.questions !== 'string') return undefined;
  return {
    session: value.session,
    questions: value.questions,
    version: typeof value.version === 'number' && value.version >= 1 ? value.version : 1,
    updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : 0,
  };
}

let pending: Draft | undefined;
let writing: Promise<void> | undefined;
let release: (() => void) | undefined;

/** Resolves once the page has drawn and is idle (at most `ms` later), or at once when leaving. */
function idle(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      release = undefined;
      resolve();
    };
    release = done;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(done, { timeout: ms });
    else setTimeout(done, ms / 4);
  });
}

// Leaving the page (reload, closing the tab, switching app on a phone) writes at once.
if (typeof addEventListener === 'function') {
  const flush = () => release?.();
  addEventListener('pagehide', flush);
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

/**
 * Saves the draft. Resolves once this text (or a later one) is stored; rejects when the write
 * fails, so the page can say so. The write waits for the keystroke's frame to be drawn (an idle
 * moment, at most 200 ms), so typing never waits for IndexedDB, and starts at once when the
 * page is left.
 */
export function saveDraft(draft: Draft): Promise<void> {
  pending = draft;
  writing ??= (async () => {
    try {
      while (pending) {
        await idle(200);
        const next = pending;
        pending = undefined;
        if (next) await db.drafts.put({ key: DRAFT_KEY, value: next });
      }
    } finally {
      writing = undefined;
    }
  })();
  return writing;
}
