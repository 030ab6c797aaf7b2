import { describe, expect, it } from 'vitest';
import { daysBetween, planForExam } from '../../src/lib/plan';
import { latestAnswers, mastery, readiness, streak } from '../../src/lib/progress';

describe('exam-date plan', () => {
  it('spreads the unseen questions over the days before the exam, keeping the last for review', () => {
    const plan = planForExam({ today: '2027-03-01', examDate: '2027-03-11', unseen: 450, newToday: 0, dueNow: 12 });
    expect(plan.daysLeft).toBe(10);
    expect(plan.newPerDay).toBe(50);
    expect(plan.newLeftToday).toBe(50);
    expect(plan.reviewsToday).toBe(12);
    expect(plan.summary).toBe(
      '10 days to your exam: 50 new questions and 12 reviews today cover the whole bank by then.',
    );
  });

  it("counts new questions already started today toward today's target", () => {
    const plan = planForExam({ today: '2027-03-01', examDate: '2027-03-11', unseen: 430, newToday: 20, dueNow: 0 });
    expect(plan.newPerDay).toBe(50);
    expect(plan.newLeftToday).toBe(30);
  });

  it('says so when the exam is today or past', () => {
    expect(
      planForExam({ today: '2027-03-11', examDate: '2027-03-11', unseen: 5, newToday: 0, dueNow: 3 }).summary,
    ).toMatch(/exam is today/);
    expect(
      planForExam({ today: '2027-03-12', examDate: '2027-03-11', unseen: 5, newToday: 0, dueNow: 3 }).summary,
    ).toMatch(/has passed/);
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
  });
});

describe('progress', () => {
  const bank = [
    { id: 'a', area: 'finance', subarea: 'ga', competency: 'trust' },
    { id: 'b', area: 'finance', subarea: 'ga', competency: 'trust' },
    { id: 'c', area: 'finance', subarea: 'fa', competency: 'budgeting' },
    { id: 'd', area: 'hr', subarea: 'sp', competency: 'i9' },
  ];
  const answers = [
    { questionId: 'a', correct: false, at: 1 },
    { questionId: 'a', correct: true, at: 2 },
    { questionId: 'b', correct: false, at: 3 },
    { questionId: 'c', correct: true, at: 4 },
  ];

  it('measures mastery on the latest answer to each question, with how many it rests on', () => {
    const latest = latestAnswers(answers);
    expect(latest.get('a')!.correct).toBe(true);
    const bySub = mastery(bank, latest, (q) => q.subarea);
    expect(bySub.get('ga')).toEqual({ seen: 2, total: 2, right: 1, accuracy: 50 });
    expect(bySub.get('sp')).toEqual({ seen: 0, total: 1, right: 0, accuracy: undefined });
  });

  it('weights readiness by the blueprint and pulls thin evidence toward 50%', () => {
    const bySub = mastery(bank, latestAnswers(answers), (q) => q.subarea);
    // ga: (1+2)/(2+4) = 0.5; fa: (1+2)/(1+4) = 0.6; sp: 2/4 = 0.5 -> (14*0.5 + 15*0.6 + 5*0.5) / 34
    expect(
      readiness(
        [
          { id: 'ga', weight: 14 },
          { id: 'fa', weight: 15 },
          { id: 'sp', weight: 5 },
        ],
        bySub,
      ),
    ).toBe(54);
    expect(readiness([{ id: 'ga', weight: 1 }], new Map())).toBe(50);
  });

  it('counts a daily streak ending today or yesterday', () => {
    const day = (d: string) => Date.parse(`${d}T12:00:00`);
    const times = [day('2027-03-01'), day('2027-03-02'), day('2027-03-03'), day('2027-02-27')];
    expect(streak(times, day('2027-03-03'))).toBe(3);
    expect(streak(times, day('2027-03-04'))).toBe(3);
    expect(streak(times, day('2027-03-05'))).toBe(0);
  });
});
