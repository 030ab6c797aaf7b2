// @vitest-environment node
// A long history arriving on a new device is written in parts: every answer of a question is in
// one part (so each part leaves cards and progress consistent), the parts hold every answer
// once, and the tables end as if the history had been written at once. Writing it again (the
// next pull after a crash, a second tab) adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClmDatabase } from '../../src/db/db';
import { ANSWERS_PER_WRITE, byQuestionParts, localStore, type RemoteBatch } from '../../src/db/sync-local';
import type { DocAnswer } from '../../src/lib/sync-merge';

const newPhone = new ClmDatabase('clm-study-parts-phone');
const DAY = 86_400_000;

/** 2,600 answers over 120 questions, in time order (as a document hands them over). */
function history(): DocAnswer[] {
  return Array.from({ length: 2600 }, (_, i) => ({
    uid: `u-${i}`,
    questionId: `q-${(i * 7) % 120}`,
    choice: [i % 4],
    correct: i % 3 !== 0,
    at: Date.UTC(2026, 0, 5) + Math.floor(i / 40) * DAY + i * 1000,
    context: 'area:finance',
  }));
}

const batch = (answers: DocAnswer[]): RemoteBatch => ({
  answers,
  attempts: [],
  flags: [],
  settings: [],
  education: [],
});

beforeAll(() => newPhone.open());
afterAll(() => newPhone.delete());

describe('a long history written in parts', () => {
  it('keeps every answer of a question in one part, and every answer in exactly one part', () => {
    const answers = history();
    const parts = byQuestionParts(answers, 500);
    expect(parts.length).toBeGreaterThan(1);
    expect(
      parts
        .flat()
        .map((a) => a.uid)
        .sort(),
    ).toEqual(answers.map((a) => a.uid).sort());
    const partOf = new Map<string, number>();
    parts.forEach((p, i) =>
      p.forEach((a) => {
        expect(partOf.get(a.questionId) ?? i).toBe(i);
        partOf.set(a.questionId, i);
      }),
    );
    // A part passes its size only when one question alone does.
    const perQuestion = Math.max(...[...partOf.keys()].map((q) => answers.filter((a) => a.questionId === q).length));
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500 + perQuestion);
  });

  it('ends with the same tables as one write, and a second write adds nothing', async () => {
    expect(ANSWERS_PER_WRITE).toBeLessThan(2600);
    const answers = history();
    const store = localStore(newPhone);
    await store.apply(batch(answers));
    const once = await Promise.all([newPhone.answers.count(), newPhone.cards.toArray(), newPhone.progress.toArray()]);
    const days = await newPhone.days.toArray();
    expect(once[0]).toBe(2600);
    expect(once[1]).toHaveLength(120);
    expect(days.reduce((n, d) => n + d.answers, 0)).toBe(2600);
    expect(once[2].reduce((n, p) => n + p.answers, 0)).toBe(2600);

    await store.apply(batch(answers));
    expect(await newPhone.answers.count()).toBe(2600);
    expect(await newPhone.cards.toArray()).toEqual(once[1]);
    expect(await newPhone.progress.toArray()).toEqual(once[2]);
    expect(await newPhone.days.toArray()).toEqual(days);

    // The same history written at once on another device gives the same cards and progress.
    const laptop = new ClmDatabase('clm-study-parts-laptop');
    await laptop.open();
    await localStore(laptop).apply(batch(answers.slice(0, 900)));
    await localStore(laptop).apply(batch(answers));
    expect(await laptop.cards.toArray()).toEqual(once[1]);
    expect(await laptop.progress.toArray()).toEqual(once[2]);
    await laptop.delete();
  });
});
