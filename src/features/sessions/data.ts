// The sessions feature's repository: the season's schedule (the content with this device's
// changes), so the Sessions list and each session page show the moved time and cancellations.
// These pages are drawn at build time and opened by first visits: the database code loads
// only on a device that has a database.
import { useMemo } from 'react';
import { usePresent } from '../../db/use-present';
import { content } from '../../content/runtime';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';
import type { SessionChange } from '../../lib/chapter';

const NO_CHANGES: SessionChange[] = [];

export function useSchedule(): ScheduledSession[] | undefined {
  const changes = usePresent(async () => (await import('../../db/live')).watchSessionChanges, NO_CHANGES);
  return useMemo(() => changes && buildSchedule(content.sessions, changes), [changes]);
}
