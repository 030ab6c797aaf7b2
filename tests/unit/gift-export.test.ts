// Our questions out as GIFT (so a chapter can move a bank into Moodle) and back: the round trip
// ours -> GIFT -> ours keeps every stem, option, correct answer, rationale, explanation,
// competency, reference and difficulty of a real area of the bank.
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'gift-pegjs';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { exportBank, importBank } from '../../src/content/banks/index';
import { bankToGift, giftEscape } from '../../src/content/banks/gift-export';
import type { BankQuestion } from '../../src/content/banks/types';

const linked: BankQuestion = {
  id: 'linked',
  stem: 'See [ALA](https://www.alanet.org/) and `a=b`: which {one}?\n\n| A | B |\n|---|---|\n| 1 | 2 |',
  options: [
    { text: 'A *first*\n\nwith a second paragraph', correct: true, rationale: 'Because ~right~ #1.' },
    { text: 'C:\\path', correct: false, rationale: 'A backslash \\ stays.' },
  ],
  explanation: 'Read <https://example.org/a:b>.',
  line: 1,
};
import { areasOf } from '../../src/content/scaffold';
import type { Question } from '../../src/content/types';

// Compiling the whole real bank takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const files = readContentDirs(['content']);
const original = compileContent(files);

function roundTrip(area: string) {
  const mine = files.filter((f) => f.relative.startsWith(`questions/${area}/`));
  const gift = exportBank('gift', mine, area);
  const competencies = areasOf(files)
    .find((a) => a.id === area)!
    .subareas.flatMap((s) => s.competencies);
  const back = importBank('gift', gift.text, { area, name: 'back', competencies });
  const rest = files.filter((f) => !f.relative.startsWith(`questions/${area}/`));
  const compiled = compileContent([
    ...rest,
    { path: 'mem/back.md', relative: `questions/${area}/back.md`, text: back.markdown! },
  ]);
  return { gift, back, compiled };
}

const shape = (q: Question) => ({
  id: q.id,
  subarea: q.subarea,
  competency: q.competency,
  stemHtml: q.stemHtml,
  multi: q.multi,
  options: q.options,
  explanationHtml: q.explanationHtml,
  referenceHtml: q.referenceHtml,
  difficulty: q.difficulty,
  volatile: q.volatile,
  reviewed: q.reviewed,
});

describe('GIFT export', () => {
  const finance = roundTrip('finance');

  it('round-trips a whole area of the real bank with nothing lost', () => {
    expect(original.issues).toEqual([]);
    const { gift, back, compiled } = finance;
    expect(gift.skipped).toEqual([]);
    expect(back.errors).toEqual([]);
    expect(back.unsupported).toEqual([]);
    expect(compiled.issues).toEqual([]);
    const before = original.content!.questionsByArea.finance!;
    const after = compiled.content!.questionsByArea.finance!;
    expect(before.length).toBeGreaterThan(100);
    expect(after.map(shape)).toEqual(before.map(shape));
  });

  it('writes what Moodle reads: a category per competency, = and ~ for single answers, weights for choose-all', () => {
    const { gift } = finance;
    expect(gift.text).toMatch(/^\$CATEGORY: finance\/[a-z-]+$/m);
    const questions = parse(gift.text).filter((q) => q.type === 'MC');
    expect(questions.length).toBeGreaterThan(50);
    // Single-answer: one "=" and no weights; choose-all: the positive weights add up to 100.
    const shapes = questions.map((q) => {
      const choices = q.type === 'MC' ? q.choices : [];
      const weights = choices.map((c) => c.weight);
      const single = weights.every((w) => w === null);
      const sum = weights.filter((w): w is number => w !== null && w > 0).reduce((s, w) => s + w, 0);
      return {
        format: q.type === 'MC' ? q.stem.format : undefined,
        ok: single ? choices.filter((c) => c.isCorrect).length === 1 : Math.abs(sum - 100) < 0.001,
      };
    });
    expect(shapes.filter((s) => !s.ok || s.format !== 'markdown')).toEqual([]);
    expect(shapes.length).toBeGreaterThan(50);
  });

  it("escapes GIFT's control characters, backslashes and newlines", () => {
    expect(giftEscape('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
    const text = `::x::[markdown]${giftEscape('Cost: {$5} = 50% #1\nline two')} {=${giftEscape('a=b')} ~c}`;
    const [q] = parse(text);
    expect(q!.type === 'MC' && q!.stem.text).toBe('Cost: {$5} = 50% #1\nline two');
    const back = importBank('gift', bankToGift([linked], 'money').text, { area: 'money', name: 'x' });
    expect(back.questions[0]).toMatchObject({
      stem: linked.stem,
      options: linked.options,
      explanation: linked.explanation,
    });
  });
});
