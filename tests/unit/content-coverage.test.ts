// The real content must let a candidate prepare for the whole exam: enough questions in every
// sub-area and competency, in proportion to the blueprint, and a full season of sessions.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';

const { content, issues } = compileContent(readContentDirs(['content']));
const index = content!.index;
const questions = Object.values(content!.questionsByArea).flat();
const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the question bank', () => {
  it('compiles', () => {
    expect(issues).toEqual([]);
  });

  it('has at least 450 questions, enough for three different full mock exams', () => {
    expect(questions.length).toBeGreaterThanOrEqual(450);
  });

  it('has at least 40 questions in every sub-area, and roughly the blueprint share beyond that', () => {
    const short: string[] = [];
    for (const area of index.areas) {
      for (const sub of area.subareas) {
        const count = index.counts.bySubarea[sub.id] ?? 0;
        const share = Math.floor((0.8 * sub.weight * questions.length) / 100);
        if (count < Math.max(40, share)) short.push(`${sub.id}: ${count} (needs ${Math.max(40, share)})`);
      }
    }
    expect(short).toEqual([]);
  });

  it('has at least 3 questions for every competency', () => {
    const short = index.areas
      .flatMap((a) => a.subareas.flatMap((s) => s.competencies))
      .filter((c) => (index.counts.byCompetency[c.id] ?? 0) < 3)
      .map((c) => `${c.id}: ${index.counts.byCompetency[c.id] ?? 0}`);
    expect(short).toEqual([]);
  });

  it('names the 65 competencies of the blueprint', () => {
    expect(index.areas.flatMap((a) => a.subareas.flatMap((s) => s.competencies))).toHaveLength(65);
  });

  it('never repeats a question id or a stem', () => {
    const ids = new Set(questions.map((q) => q.id));
    expect(ids.size).toBe(questions.length);
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const q of questions) {
      const key = normalize(q.stemText);
      const prior = seen.get(key);
      if (prior) repeated.push(`${q.id} repeats the stem of ${prior}`);
      seen.set(key, q.id);
    }
    expect(repeated).toEqual([]);
  });

  it('gives every question four options, an explanation, a reference and a difficulty', () => {
    const incomplete = questions
      .filter((q) => q.options.length !== 4 || !q.explanationHtml || !q.referenceHtml || !q.difficulty || !q.competency)
      .map((q) => `${q.id} (${q.source})`);
    expect(incomplete).toEqual([]);
  });

  it('mixes single-answer and "choose all that apply" questions and all three difficulties', () => {
    const multi = questions.filter((q) => q.multi).length;
    expect(multi).toBeGreaterThan(questions.length * 0.05);
    expect(multi).toBeLessThan(questions.length * 0.3);
    for (const level of [1, 2, 3])
      expect(questions.filter((q) => q.difficulty === level).length).toBeGreaterThan(questions.length * 0.1);
  });

  it('never offers "all of the above" or "none of the above"', () => {
    const lazy = questions
      .filter((q) => q.options.some((o) => /\b(all|none) of the above\b/i.test(o.html)))
      .map((q) => q.id);
    expect(lazy).toEqual([]);
  });
});

describe('the season', () => {
  it('adds up to the target hours, in ten to twelve sessions from the season start', () => {
    const hours = index.sessions.reduce((s, x) => s + x.hours, 0);
    expect(hours).toBe(index.program.season.targetHours);
    expect(index.sessions.length).toBeGreaterThanOrEqual(10);
    expect(index.sessions.length).toBeLessThanOrEqual(12);
    expect(index.sessions[0]!.date).toBe(index.program.season.start);
    expect(index.program.season.start).toMatch(/^\d{4}-01-/);
    for (const s of index.sessions) expect(s.hours).toBeGreaterThanOrEqual(2.5);
  });

  it('covers all nine sub-areas', () => {
    const covered = new Set(index.sessions.flatMap((s) => s.subareas));
    const all = index.areas.flatMap((a) => a.subareas.map((s) => s.id));
    expect(all).toHaveLength(9);
    expect(all.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('gives every session material with sections and its own practice questions', () => {
    for (const s of index.sessions) {
      expect(content!.materials[s.id]!.materialHtml, s.id).toMatch(/<h2>/);
      expect(content!.materials[s.id]!.questionIds.length, s.id).toBeGreaterThanOrEqual(20);
      expect(s.questionCount, s.id).toBe(content!.materials[s.id]!.questionIds.length);
    }
  });

  it('has a different speaker, with a role, for every session, each on a different date', () => {
    expect(new Set(index.sessions.map((s) => s.date)).size).toBe(index.sessions.length);
    expect(new Set(index.sessions.map((s) => s.speaker.name)).size).toBe(index.sessions.length);
    for (const s of index.sessions) expect(s.speaker.role, s.id).toBeTruthy();
  });
});
