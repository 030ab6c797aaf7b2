// A speaker's draft session pack (the Author page): the session file, the question file and
// the version to publish, in the drafts table, so a reload or a crash loses nothing. Written on
// every change; writes are made one after another, the latest text winning, so a fast typist
// never queues a write per keystroke. Its own table, watched by no live query: a write per
// keystroke re-runs nothing else. Not in backups: a pack file (Export) is the copy to keep.
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

/**
 * Saves the draft. Resolves once this text (or a later one) is stored; rejects when the write
 * fails, so the page can say so.
 */
export function saveDraft(draft: Draft): Promise<void> {
  pending = draft;
  writing ??= (async () => {
    try {
      while (pending) {
        const next = pending;
        pending = undefined;
        await db.drafts.put({ key: DRAFT_KEY, value: next });
      }
    } finally {
      writing = undefined;
    }
  })();
  return writing;
}
