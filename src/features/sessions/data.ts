// The sessions feature's repository: the season's schedule (the content with this device's
// changes), so the Sessions list and each session page show the moved time and cancellations.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { content } from '../../content/runtime';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';

export function useSchedule(): ScheduledSession[] | undefined {
  return useLiveQuery(async () => buildSchedule(content.sessions, await db.sessionChanges.toArray()), []);
}
