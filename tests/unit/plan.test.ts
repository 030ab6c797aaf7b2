import { describe, expect, it } from 'vitest';
import { daysBetween, planForExam } from '../../src/lib/plan';
import { latestAnswers, mastery, readiness, readinessRange, streak } from '../../src/lib/progress';

describe('exam-date plan', () => {
  it('spreads the unseen questions over the days before the exam, keeping the last for review', () => {
    const plan = planForExam({ today: '2027-03-01', examDate: '2027-03-11', unseen: 450, newToday: 0, dueNow: 12 });
    expect(plan.daysLeft).toBe(10);
    expect(plan.newPerDay).toBe(50);
    expect(plan.newLeftToday).toBe(50);
    expect(plan.reviewsToday).toBe(12);
    expect(plan.finishBy).toBe('2027-03-09');
    expect(plan.summary).toBe(
      'About 50 new questions a day, plus reviews, covers the bank by Mar 9. Today: 0 of 50 done.',
    );
  });

  it("counts new questions already started today toward today's target", () => {
    const plan = planForExam({ today: '2027-03-01', examDate: '2027-03-11', unseen: 430, newToday: 20, dueNow: 0 });
    expect(plan.newPerDay).toBe(50);
    expect(plan.newLeftToday).toBe(30);
    expect(plan.summary).toMatch(/Today: 20 of 50 done\.$/);
  });

  it("follows the candidate's own pace, and says when it ends too late for the exam", () => {
    const slow = planForExam({
      today: '2027-03-01',
      examDate: '2027-04-15',
      unseen: 400,
      newToday: 0,
      dueNow: 0,
      newPerDay: 4,
    });
    expect(slow.newPerDay).toBe(4);
    expect(slow.finishBy).toBe('2027-06-08');
    expect(slow.summary).toBe(
      'About 4 new questions a day, plus reviews, covers the bank by Jun 8. Today: 0 of 4 done. That is too late for your exam on Apr 15: 10 new questions a day would finish the day before.',
    );
    const fast = planForExam({
      today: '2027-03-01',
      examDate: '2027-04-15',
      unseen: 40,
      newToday: 2,
      dueNow: 0,
      newPerDay: 4,
    });
    expect(fast.summary).toBe(
      'About 4 new questions a day, plus reviews, covers the bank by Mar 11. Today: 2 of 4 done.',
    );
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

describe('readiness range', () => {
  const areas = ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    title: `Area ${id}`,
    subareas: [{ id: `${id}1`, weight: 25 }],
  }));
  const m = (seen: number, right: number) => ({ seen, total: 100, right, accuracy: Math.round((right / seen) * 100) });

  it('gives no figure below 50 answers or with a domain under 5, and names the domains short of answers', () => {
    const few = new Map([
      ['a', m(20, 15)],
      ['b', m(20, 15)],
      ['c', m(9, 6)],
      ['d', m(0, 0)],
    ]);
    expect(readinessRange(areas, few, new Map())).toEqual({ kind: 'not-enough', seen: 49, short: ['Area d'] });
    const spread = new Map([
      ['a', m(20, 15)],
      ['b', m(20, 15)],
      ['c', m(6, 3)],
      ['d', m(4, 4)],
    ]);
    expect(readinessRange(areas, spread, new Map())).toMatchObject({ kind: 'not-enough', short: ['Area d'] });
  });

  it('gives a range around the estimate that narrows as answers grow', () => {
    const byArea = (n: number) => new Map(['a', 'b', 'c', 'd'].map((id) => [id, m(n, (n * 3) / 4)]));
    const bySub = (n: number) => new Map(['a1', 'b1', 'c1', 'd1'].map((id) => [id, m(n, (n * 3) / 4)]));
    const small = readinessRange(areas, byArea(16), bySub(16));
    const large = readinessRange(areas, byArea(200), bySub(200));
    if (small.kind !== 'range' || large.kind !== 'range') throw new Error('expected ranges');
    expect(small.low).toBeLessThan(small.estimate);
    expect(small.high).toBeGreaterThan(small.estimate);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.estimate).toBe(75);
  });
});
