// Cards and progress from a replay of the answers: what a device derives when answers from
// another device arrive. Whatever order the answers arrive in, the result is the one the
// answers give in time order, the same as recording them one by one on a single device.
import { describe, expect, it } from 'vitest';
import { addToDays, answerOrder, replayQuestions } from '../../src/lib/replay';
import { db, type AnswerRecord, type DayRecord } from '../../src/db/db';
import { rateConfidence, recordAnswer } from '../../src/db/answers';

const DAY = 86_400_000;
const T0 = Date.parse('2027-03-01T09:00:00Z');
let n = 0;
const answer = (questionId: string, at: number, correct: boolean, extra: Partial<AnswerRecord> = {}): AnswerRecord => ({
  questionId,
  choice: [correct ? 0 : 1],
  correct,
  at,
  context: 'area:x',
  uid: `u-${String(++n).padStart(3, '0')}`,
  ...extra,
});

const byId = <T extends { questionId: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.questionId.localeCompare(b.questionId));

describe('replayQuestions', () => {
  // Phone and laptop, both offline, review the same questions on interleaved days.
  const phone = [
    answer('q-1', T0, true),
    answer('q-1', T0 + 4 * DAY, false),
    answer('q-2', T0 + DAY, true, { confidence: 'easy', ms: 12_000 }),
  ];
  const laptop = [
    answer('q-1', T0 + 2 * DAY, true, { confidence: 'guessed' }),
    answer('q-1', T0 + 9 * DAY, true),
    answer('q-2', T0 + 30 * DAY, false, { ms: 30_000 }),
    answer('q-3', T0 + 3 * DAY, true),
  ];
  const all = [...phone, ...laptop];

  it('gives the cards and progress the app stored recording every answer in time order on one device', async () => {
    await Promise.all([db.answers.clear(), db.cards.clear(), db.progress.clear(), db.days.clear()]);
    for (const a of [...all].sort(answerOrder)) {
      const record = await recordAnswer({
        questionId: a.questionId,
        choice: a.choice,
        correct: a.correct,
        at: a.at,
        context: a.context,
        ms: a.ms,
      });
      if (a.confidence) await rateConfidence(record, a.confidence);
    }
    const replayed = replayQuestions(all);
    expect(byId(replayed.cards)).toEqual(await db.cards.orderBy('questionId').toArray());
    expect(byId(replayed.progress)).toEqual(await db.progress.orderBy('questionId').toArray());
    // The confidence is kept on the stored answer, so a replay anywhere rates it the same (the
    // "guessed" one came before its card was due: it moved nothing, so there was none to keep).
    expect((await db.answers.toArray()).flatMap((a) => (a.confidence ? [[a.questionId, a.confidence]] : []))).toEqual([
      ['q-2', 'easy'],
    ]);
  });

  it('ends with identical cards whichever device’s answers arrive first, in any order', () => {
    const orders = [
      [...phone, ...laptop],
      [...laptop, ...phone],
      [...all].reverse(),
      [laptop[2], phone[0], laptop[0], phone[2], laptop[3], phone[1], laptop[1]] as AnswerRecord[],
    ];
    const results = orders.map((o) => replayQuestions(o));
    for (const r of results) {
      expect(byId(r.cards)).toEqual(byId(results[0]?.cards ?? []));
      expect(byId(r.progress)).toEqual(byId(results[0]?.progress ?? []));
    }
  });

  it('counts both devices’ reviews: a card reviewed on each device has both reps', () => {
    const q3 = replayQuestions([answer('q-9', T0, true), answer('q-9', T0 + 20 * DAY, true)]).cards[0];
    expect(q3?.reps).toBe(2);
    // An answer while the card is not yet due (practising ahead) leaves the card as it was.
    const ahead = replayQuestions([answer('q-8', T0, true), answer('q-8', T0 + 60_000, false)]);
    expect(ahead.cards[0]?.reps).toBe(1);
    expect(ahead.progress[0]).toMatchObject({ answers: 2, rights: 1, lastCorrect: false, wrong: 1 });
  });

  it('uses the confidence kept on the answer, so "I guessed" rates the same on every device', () => {
    const sure = replayQuestions([answer('q-7', T0, true)]).cards[0];
    const guessed = replayQuestions([answer('q-7', T0, true, { confidence: 'guessed' })]).cards[0];
    expect(guessed?.due).toBeLessThan(sure?.due ?? 0);
  });

  it('orders answers given at the same moment by uid, never by the local id', () => {
    const x = answer('q-6', T0, true, { uid: 'b', id: 1 });
    const y = answer('q-6', T0, false, { uid: 'a', id: 2 });
    expect(replayQuestions([x, y])).toEqual(replayQuestions([y, x]));
    expect(replayQuestions([x, y]).progress[0]?.lastCorrect).toBe(true);
  });
});

describe('addToDays', () => {
  it('adds the new answers to the days they fall on and returns only those days', () => {
    const before: DayRecord[] = [
      { day: '2027-03-01', answers: 2, ms: 5000 },
      { day: '2027-02-01', answers: 1, ms: 0 },
    ];
    const out = addToDays(before, [
      answer('q-1', Date.parse('2027-03-01T12:00:00'), true, { ms: 1000 }),
      answer('q-2', Date.parse('2027-03-05T12:00:00'), false),
    ]);
    expect(out.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2027-03-01', answers: 3, ms: 6000 },
      { day: '2027-03-05', answers: 1, ms: 0 },
    ]);
    expect(before[0]).toEqual({ day: '2027-03-01', answers: 2, ms: 5000 });
  });
});
