// The exam-date plan: how many new questions and reviews a day cover the whole bank before the
// exam. Recomputed from the live counts every time it is shown.

const DAY = 24 * 60 * 60 * 1000;

export interface PlanInput {
  /** Today and the exam date, both YYYY-MM-DD in the candidate's local calendar. */
  today: string;
  examDate: string;
  /** Questions never answered. */
  unseen: number;
  /** New questions already started today (they count toward today's target). */
  newToday: number;
  /** Reviews due now. */
  dueNow: number;
  /** The candidate's own pace (Settings), when set; otherwise the pace the exam date needs. */
  newPerDay?: number | undefined;
}

export interface Plan {
  daysLeft: number;
  newPerDay: number;
  newLeftToday: number;
  reviewsToday: number;
  /** The day the last new question is reached at this pace (YYYY-MM-DD). */
  finishBy: string | undefined;
  /** Plain words for the home screen. */
  summary: string;
}

export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / DAY);
}

export function planForExam(input: PlanInput): Plan {
  const daysLeft = daysBetween(input.today, input.examDate);
  if (daysLeft <= 0) {
    return {
      daysLeft,
      newPerDay: 0,
      newLeftToday: 0,
      reviewsToday: input.dueNow,
      finishBy: undefined,
      summary:
        daysLeft === 0
          ? 'Your exam is today. Review what is due and rest.'
          : 'Your exam date has passed. Set a new date to get a plan.',
    };
  }
  const remaining = input.unseen + input.newToday;
  // Leave the last day before the exam for review only, when there is more than one day.
  const studyDays = Math.max(1, daysLeft - 1);
  const needed = Math.ceil(remaining / studyDays);
  const newPerDay = input.newPerDay && input.newPerDay > 0 ? input.newPerDay : needed;
  const newLeftToday = Math.max(0, Math.min(input.unseen, newPerDay - input.newToday));
  if (input.unseen === 0) {
    return {
      daysLeft,
      newPerDay: 0,
      newLeftToday: 0,
      reviewsToday: input.dueNow,
      finishBy: undefined,
      summary: `You have seen every question. Keep up with reviews: ${plural(input.dueNow, 'review')} due today.`,
    };
  }
  const finishBy = addDays(input.today, Math.max(0, Math.ceil(remaining / newPerDay) - 1));
  const late = daysBetween(finishBy, input.examDate) < 1;
  const rate = `About ${plural(newPerDay, 'new question')} a day, plus reviews, covers the bank by ${shortDate(finishBy)}.`;
  const today = ` Today: ${Math.min(input.newToday, newPerDay)} of ${newPerDay} done.`;
  const warning = late
    ? ` That is too late for your exam on ${shortDate(input.examDate)}: ${plural(needed, 'new question')} a day would finish the day before.`
    : '';
  return { daysLeft, newPerDay, newLeftToday, reviewsToday: input.dueNow, finishBy, summary: rate + today + warning };
}

/** YYYY-MM-DD plus n days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

function shortDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
