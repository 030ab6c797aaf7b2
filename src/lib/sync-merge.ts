// The merge rules of sync, pure: what goes from this device into the person's synced document
// and what comes from it into this device's tables. Answers are append-only (by uid), a
// submitted attempt is frozen, flags and settings go to the latest change, CE entries are
// added (and a removal wins). Every device applies the same rules, so all end equal.
import type { AnswerRecord, AttemptRecord } from '../db/db';
import type { EducationEntry } from './ce';

/** An answer as the synced document holds it: the record without this device's local id. */
export type DocAnswer = Omit<AnswerRecord, 'id'> & { uid: string };

/** JSON only (no undefined fields), as stored in the document. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function docAnswer(a: AnswerRecord & { uid: string }): DocAnswer {
  const { id: _id, ...rest } = a;
  return plain(rest);
}

/**
 * The value to write into the document for a local answer, or undefined when none: a new
 * answer is added; one already there is never rewritten, except to add the confidence the
 * candidate gave after answering (it only ever goes from none to one).
 */
export function answerToDoc(
  local: AnswerRecord & { uid: string },
  inDoc: DocAnswer | undefined,
): DocAnswer | undefined {
  if (!inDoc) return docAnswer(local);
  if (local.confidence && !inDoc.confidence) return { ...inDoc, confidence: local.confidence };
  return undefined;
}

/** What this device does with an answer of the document: add it, take its confidence, or nothing. */
export function answerFromDoc(inDoc: DocAnswer, local: AnswerRecord | undefined): 'add' | 'confidence' | undefined {
  if (!local) return 'add';
  if (inDoc.confidence && !local.confidence) return 'confidence';
  return undefined;
}

/** An attempt in progress is written to the document at most this often (its clock ticks each second). */
export const ACTIVE_ATTEMPT_EVERY_MS = 30_000;

function progressed(a: AttemptRecord, b: AttemptRecord): boolean {
  return (
    a.position !== b.position ||
    Object.keys(a.responses).length !== Object.keys(b.responses).length ||
    a.marked.length !== b.marked.length ||
    a.paused !== b.paused
  );
}

/** Whether the local attempt replaces the document's: never over a submitted one. */
export function attemptToDoc(local: AttemptRecord, inDoc: AttemptRecord | undefined): boolean {
  if (!inDoc) return true;
  if (inDoc.status === 'submitted') return false;
  if (local.status === 'submitted') return true;
  if (local.updatedAt <= inDoc.updatedAt) return false;
  return local.updatedAt - inDoc.updatedAt >= ACTIVE_ATTEMPT_EVERY_MS || progressed(local, inDoc);
}

/** Whether the document's attempt replaces this device's: a submitted one always, never over one. */
export function attemptFromDoc(inDoc: AttemptRecord, local: AttemptRecord | undefined): boolean {
  if (!local) return true;
  if (local.status === 'submitted') return false;
  if (inDoc.status === 'submitted') return true;
  return inDoc.updatedAt > local.updatedAt;
}

/** A flag or setting with the time it was last changed; value null means cleared. */
export interface Stamped {
  value: unknown;
  at: number;
}

/**
 * Latest change wins. At the same time with different values the document's wins, so two
 * devices never keep different values. 'same' when there is nothing to do.
 */
export function latest(local: Stamped | undefined, inDoc: Stamped | undefined): 'toDoc' | 'toLocal' | 'same' {
  if (!inDoc) return local ? 'toDoc' : 'same';
  if (!local) return inDoc.value === null || inDoc.value === false ? 'same' : 'toLocal';
  if (local.at > inDoc.at) return JSON.stringify(local.value) === JSON.stringify(inDoc.value) ? 'same' : 'toDoc';
  return JSON.stringify(local.value) === JSON.stringify(inDoc.value) ? 'same' : 'toLocal';
}

/** A CE entry in the document, or the mark that it was removed (the removal wins). */
export type DocEducation = EducationEntry | { id: string; deleted: true; at: number };

export const isRemoved = (e: DocEducation): e is { id: string; deleted: true; at: number } => 'deleted' in e;
