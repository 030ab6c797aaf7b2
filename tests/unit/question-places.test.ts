// The bank's shape (a small chunk) must place every question exactly where its own chunk does:
// mastery on the Practice hub and Progress is counted from it.
import { describe, expect, it } from 'vitest';
import { loadAllQuestions, loadQuestionPlaces } from '../../src/content/runtime';

describe('loadQuestionPlaces', () => {
  it('lists every question of the bank once, in its area, sub-area and competency', async () => {
    const [all, places] = await Promise.all([loadAllQuestions(), loadQuestionPlaces()]);
    const expected = all.map((q) => ({ id: q.id, area: q.area, subarea: q.subarea, competency: q.competency }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...places].sort(byId)).toEqual(expected.sort(byId));
    expect(new Set(places.map((p) => p.id)).size).toBe(all.length);
  });
});
