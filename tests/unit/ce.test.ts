import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { addMonths, evaluateRule, type EducationEntry } from '../../src/lib/ce';

const rules = compileContent(readContentDirs(['content'])).content!.index.rules!;
let n = 0;
const entry = (
  date: string,
  hours: number,
  category: string,
  kind: EducationEntry['kind'] = 'attended',
  topic?: string,
): EducationEntry => ({
  id: `e${n++}`,
  date,
  title: 'Course',
  hours,
  category,
  kind,
  topic,
});

describe('CE rules from content/rules.md', () => {
  it('reads the recertification and eligibility rules as data', () => {
    expect(rules.recertification).toMatchObject({ hours: 36, windowMonths: 36 });
    expect(rules.recertification.categories.map((c) => c.min)).toEqual([3, 3, 3, 3, 3]);
    expect(rules.eligibility).toMatchObject({ hours: 10, windowMonths: 24 });
    expect(rules.studyGroupCategories).toEqual({
      finance: 'financial',
      hr: 'human-resources',
      business: 'legal-business',
      operations: 'operations',
    });
  });

  it('meets recertification with 36 hours, every category minimum and both topics', () => {
    const entries = [
      ...['communication-organizational', 'financial', 'human-resources', 'operations', 'legal-business'].map((c) =>
        entry('2026-03-01', 6, c),
      ),
      entry('2026-04-01', 4, 'financial'),
      entry('2026-05-01', 1, '', 'attended', 'ethics'),
      entry('2026-05-02', 1, '', 'attended', 'substance-abuse'),
    ];
    const p = evaluateRule(rules.recertification, entries, '2026-11-23');
    expect(p.counted).toBe(36);
    expect(p.missing).toEqual([]);
    expect(p.met).toBe(true);
  });

  it('caps teaching at 4 and self-study at 12 hours, in date order', () => {
    const p = evaluateRule(
      rules.recertification,
      [
        entry('2026-01-01', 3, 'financial', 'taught'),
        entry('2026-02-01', 3, 'financial', 'taught'),
        entry('2026-03-01', 10, 'operations', 'self-study'),
        entry('2026-04-01', 5, 'operations', 'self-study'),
      ],
      '2026-11-23',
    );
    expect(p.caps).toEqual([
      { label: 'Teaching', max: 4, claimed: 6, counted: 4 },
      { label: 'Self-study and passive learning', max: 12, claimed: 15, counted: 12 },
    ]);
    expect(p.counted).toBe(16);
    expect(p.categories.find((c) => c.id === 'financial')!.have).toBe(4);
  });

  it('counts only the window: 36 months for recertification, 24 for eligibility', () => {
    const old = entry('2023-11-23', 10, 'financial');
    const inside = entry('2023-11-24', 10, 'financial');
    expect(evaluateRule(rules.recertification, [old, inside], '2026-11-23').counted).toBe(10);
    expect(addMonths('2026-11-23', -24)).toBe('2024-11-23');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('says what is missing in plain words', () => {
    const p = evaluateRule(
      rules.eligibility,
      [entry('2026-06-01', 2, 'writing'), entry('2026-07-01', 6, 'communication', 'self-study')],
      '2026-11-23',
    );
    expect(p.counted).toBe(6);
    expect(p.missing).toEqual([
      '4 hours more in all (6 of 10).',
      'Self-Management: 2 hours more (0 of 2).',
      'Information Technology: 2 hours more (0 of 2).',
      'Organizational Development: 2 hours more (0 of 2).',
    ]);
    expect(p.categories.find((c) => c.id === 'communication')!.have).toBe(4);
  });
});

describe('CE rules, case by case', () => {
  const recert = rules.recertification;
  it.each([
    {
      name: 'a topic hour without a category counts toward the 36 and its topic only',
      entries: [entry('2026-05-01', 2, '', 'attended', 'ethics')],
      counted: 2,
      category: 0,
      ethics: 2,
    },
    {
      name: 'a topic hour with a category still does not count toward the category minimum',
      entries: [entry('2026-05-01', 2, 'financial', 'attended', 'ethics')],
      counted: 2,
      category: 0,
      ethics: 2,
    },
    {
      name: 'an hour with a category only counts toward the category',
      entries: [entry('2026-05-01', 2, 'financial')],
      counted: 2,
      category: 2,
      ethics: 0,
    },
    {
      name: 'taught topic hours are capped like any teaching',
      entries: [entry('2026-05-01', 6, '', 'taught', 'ethics')],
      counted: 4,
      category: 0,
      ethics: 4,
    },
    {
      name: 'hours outside the 36-month window count for nothing',
      entries: [entry('2023-01-01', 5, 'financial', 'attended', 'ethics')],
      counted: 0,
      category: 0,
      ethics: 0,
    },
    {
      name: 'hours dated after the day of the check count for nothing',
      entries: [entry('2026-12-01', 5, 'financial')],
      counted: 0,
      category: 0,
      ethics: 0,
    },
  ])('$name', ({ entries, counted, category, ethics }) => {
    const p = evaluateRule(recert, entries, '2026-11-23');
    expect(p.counted).toBe(counted);
    expect(p.categories.find((c) => c.id === 'financial')?.have).toBe(category);
    expect(p.topics.find((t) => t.id === 'ethics')?.have).toBe(ethics);
  });

  it.each([
    { name: 'over 36 hours but one category short is not met', short: 'human-resources', counted: 37, met: false },
    { name: 'every minimum and both topics is met', short: undefined, counted: 37, met: true },
  ])('$name', ({ short, counted, met }) => {
    const cats = ['communication-organizational', 'financial', 'human-resources', 'operations', 'legal-business'];
    const entries = [
      ...cats.map((c) => entry('2026-03-01', c === short ? 2 : short ? 8 : 7, c)),
      entry('2026-04-01', short ? 1 : 0, 'financial'),
      entry('2026-05-01', 1, '', 'attended', 'ethics'),
      entry('2026-05-02', 1, '', 'attended', 'substance-abuse'),
    ];
    const p = evaluateRule(recert, entries, '2026-11-23');
    expect(p.counted).toBe(counted);
    expect(p.met).toBe(met);
  });

  it('eligibility: 10 hours in 24 months, 2 in each of five categories, interactive self-study at most 4', () => {
    const e = rules.eligibility;
    const five = e.categories.map((c) => entry('2026-01-10', 2, c.id));
    expect(evaluateRule(e, five, '2026-11-23').met).toBe(true);
    const selfStudy = e.categories.map((c) => entry('2026-01-10', 2, c.id, 'self-study'));
    const p = evaluateRule(e, selfStudy, '2026-11-23');
    expect(p.counted).toBe(4);
    expect(p.met).toBe(false);
    expect(evaluateRule(e, five, '2028-01-11').counted).toBe(0);
  });
});
