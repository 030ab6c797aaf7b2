// The candidate's study settings, kept in the settings table (one row per key): the exam date
// and how many new questions a day to take. Named reads and writes, so the home screen, the
// plan and the settings page share one key and one rule. (The colour theme is not here: it
// must apply before the first render, so it lives in localStorage; see src/lib/theme.ts.)
import { db, noteLocalChange } from './db';
import { isNewPerDay } from '../lib/preferences';

export const EXAM_DATE_KEY = 'examDate';
export const NEW_PER_DAY_KEY = 'newPerDay';

/** The settings that follow the person to every device (sync); the others belong to this device. */
export const SYNCED_SETTINGS: readonly string[] = [EXAM_DATE_KEY, NEW_PER_DAY_KEY];

/** The exam date (YYYY-MM-DD), if the candidate set one. */
export async function getExamDate(): Promise<string | undefined> {
  const value = (await db.settings.get(EXAM_DATE_KEY))?.value;
  return typeof value === 'string' ? value : undefined;
}

/** New questions a day the candidate chose; undefined means "follow the exam-date plan". */
export async function getNewPerDay(): Promise<number | undefined> {
  const value = (await db.settings.get(NEW_PER_DAY_KEY))?.value;
  return isNewPerDay(value) ? value : undefined;
}

/** Stores the choice (undefined clears it, back to the plan's rate). Rejects a bad number. */
export async function setNewPerDay(value: number | undefined): Promise<void> {
  if (value === undefined) {
    await db.settings.delete(NEW_PER_DAY_KEY);
    noteLocalChange('settings', [NEW_PER_DAY_KEY]);
    return;
  }
  if (!isNewPerDay(value))
    throw new RangeError(`New questions a day must be a whole number from 0 to 100, not ${value}`);
  await db.settings.put({ key: NEW_PER_DAY_KEY, value, at: Date.now() });
  noteLocalChange('settings', [NEW_PER_DAY_KEY]);
}
