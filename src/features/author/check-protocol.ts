// What the Author page and its checking worker say to each other (plain data only).
import type { PackBase } from '../../content/pack-check';
import type { ContentIssue, Question, SessionMeta } from '../../content/types';

export type ToWorker =
  { type: 'base'; base: PackBase } | { type: 'check'; id: number; session: string; questions: string };

export interface Checked {
  type: 'checked';
  id: number;
  issues: ContentIssue[];
  /** The session's material as candidates will see it, rendered even when there are problems. */
  materialHtml: string;
  /** Present when the draft has no problem: what candidates will get. */
  compiled?: { session: SessionMeta; questions: Question[] };
}
