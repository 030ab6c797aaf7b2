// The sessions feature's repository: the season's schedule (the content with this device's
// changes), so the Sessions list and each session page show the moved time and cancellations.
import { useStored } from '../../db/use-stored';
import { db } from '../../db/db';
import { content } from '../../content/runtime';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';

/** Without storage: the season as the content has it. */
const CONTENT_SCHEDULE = buildSchedule(content.sessions, []);

export function useSchedule(): ScheduledSession[] | undefined {
  return useStored(
    async () => buildSchedule(content.sessions, await db.sessionChanges.toArray()),
    [],
    CONTENT_SCHEDULE,
  );
}
