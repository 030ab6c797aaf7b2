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
}

export interface Plan {
  daysLeft: number;
  newPerDay: number;
  newLeftToday: number;
  reviewsToday: number;
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
      summary:
        daysLeft === 0
          ? 'Your exam is today. Review what is due and rest.'
          : 'Your exam date has passed. Set a new date to get a plan.',
    };
  }
  // Leave the last day before the exam for review only, when there is more than one day.
  const studyDays = Math.max(1, daysLeft - 1);
  const newPerDay = Math.ceil((input.unseen + input.newToday) / studyDays);
  const newLeftToday = Math.max(0, Math.min(input.unseen, newPerDay - input.newToday));
  const summary =
    input.unseen === 0
      ? `You have seen every question. Keep up with reviews: ${input.dueNow} due today.`
      : `${plural(daysLeft, 'day')} to your exam: ${plural(newLeftToday, 'new question')} and ${plural(input.dueNow, 'review')} today cover the whole bank by then.`;
  return { daysLeft, newPerDay, newLeftToday, reviewsToday: input.dueNow, summary };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
