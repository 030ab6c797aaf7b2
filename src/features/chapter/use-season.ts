// The season as every chapter view sees it: the one schedule and the one hours rule.
import { useMemo } from 'react';
import { content } from '../../content/runtime';
import { todayIn } from '../../lib/dates';
import { seasonHours, type SeasonHours } from '../../lib/hours';
import type { Member } from '../../lib/chapter';
import { useAttendance, useMembers, useSchedule } from './data';

export function useSeason(): { members: Member[]; season: SeasonHours } | undefined {
  const schedule = useSchedule();
  const members = useMembers();
  const attendance = useAttendance();
  const today = todayIn(content.program.timezone);
  return useMemo(
    () =>
      schedule && members && attendance
        ? { members, season: seasonHours(schedule, members, attendance, today) }
        : undefined,
    [schedule, members, attendance, today],
  );
}
