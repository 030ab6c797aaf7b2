// Aiken in and out: Moodle's own Aiken fixtures (one of them malformed on purpose) convert to
// files our compiler accepts, every malformed question is reported by line, and our
// single-answer questions go out as Aiken and come back with their stem, options and key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBank, importBank, importReport } from '../../src/content/banks/index';
import { bankToAiken, markdownToLine } from '../../src/content/banks/aiken-export';
import { readQuestionFile } from '../../src/content/banks/read';
import type { BankQuestion } from '../../src/content/banks/types';
import { readContentDirs } from '../../src/content/load';
import type { Question } from '../../src/content/types';
import { compileWith, VALID } from '../fixtures/content';

const read = (name: string) => readFileSync(`tests/fixtures/banks/${name}`, 'utf8');
const target = { area: 'money', name: 'aiken', subarea: 'books' };

function convert(text: string) {
  const result = importBank('aiken', text, target);
  const compiled = result.markdown ? compileWith({ 'questions/money/aiken.md': result.markdown }) : undefined;
  const questions: Question[] = (compiled?.content?.questionsByArea.money ?? []).filter((q) =>
    q.source.includes('aiken'),
  );
  return { result, issues: compiled?.issues, questions };
}

describe('Aiken import', () => {
  it("converts Moodle's Aiken fixture to a file that compiles, showing HTML-looking text literally", () => {
    const { result, issues, questions } = convert(read('moodle-questions.aiken.txt'));
    expect(result.errors).toEqual([]);
    expect(issues).toEqual([]);
    expect(
      questions.map((q) => [q.stemText, q.options.map((o) => o.text), q.options.findIndex((o) => o.correct)]),
    ).toEqual([
      ['The Moodle project was started by:', ['Petr Skoda', 'Martin Dougiamas', 'Eloy Lafuente', 'Tim Hunt'], 1],
      [
        `Moodle's abilities include handling user input that includes <html class="cool"> & images:`,
        ['True', 'False'],
        0,
      ],
    ]);
    expect(questions[1]!.stemHtml).toContain('&#x3C;html class="cool"> &#x26; images');
    expect(questions.every((q) => !q.multi)).toBe(true);
  });

  it("reports each malformed question of Moodle's error fixture by line and imports the good ones", () => {
    const { result, issues, questions } = convert(read('moodle-aiken_errors.txt'));
    expect(result.errors).toEqual([
      { line: 1, message: 'This question has 1 option: give at least two. Skipped.' },
      { line: 5, message: 'Options with no question text before them: skipped.' },
      { line: 14, message: 'This question has no "ANSWER: X" line before line 18: skipped.' },
    ]);
    expect(issues).toEqual([]);
    expect(questions.map((q) => [q.stemText, q.options.find((o) => o.correct)?.text])).toEqual([
      ['A good question', 'Correct'],
      ['A second good question', 'Correct (No space)'],
    ]);
    expect(importReport('aiken_errors.txt', result).at(-1)).toBe(
      '2 questions converted, 0 not supported, 3 malformed.',
    );
  });

  it('accepts "A." and "A)" options and a question over several lines; reports bad answer letters', () => {
    const text = [
      'Which record shows each',
      "client's balance?",
      'A. The trust register',
      'B. The client ledger',
      'ANSWER: B',
      'Which is an asset?',
      'A) Rent',
      'B) Cash',
      'ANSWER: E',
      'ANSWER: A',
      'Out of order?',
      'A) One',
      'C) Two',
      'ANSWER: A',
    ].join('\n');
    const { result, questions, issues } = convert(text);
    expect(questions.map((q) => q.stemText)).toEqual(["Which record shows each client's balance?", 'Out of order?']);
    expect(issues).toEqual([]);
    expect(result.errors).toEqual([
      { line: 9, message: '"ANSWER: E" must be one letter of the options (A, B): question skipped.' },
      { line: 10, message: 'An "ANSWER:" line with no question before it.' },
      { line: 13, message: 'Option "C" where "B" was expected.' },
    ]);
  });

  it('writes nothing for a file with no question', () => {
    expect(importBank('aiken', '\n\n', target).markdown).toBeUndefined();
  });
});

describe('Aiken export', () => {
  it('exports single-answer questions and lists the choose-all ones it cannot hold', () => {
    const files = readContentDirs([VALID]).filter((f) => f.relative.startsWith('questions/money/'));
    const out = exportBank('aiken', files, 'money');
    expect(out.skipped).toEqual([
      { id: 'budget-variance', reason: 'a choose-all-that-apply item: Aiken holds single-answer items only' },
    ]);
    expect(out.text).toBe(
      [
        'Which records does a three-way trust reconciliation compare?',
        'A) Bank, budget and ledger',
        'B) Bank statement, trust register and client ledgers',
        'C) Invoices, ledgers and payroll',
        'ANSWER: B',
        '',
        'Every journal entry has equal debits and what?',
        'A) Credits',
        'B) Assets',
        'ANSWER: A',
        '',
      ].join('\n'),
    );
  });

  it('round-trips: ours -> Aiken -> ours keeps the stem, the options and the key', () => {
    const files = readContentDirs(['content']).filter((f) => f.relative.startsWith('questions/hr/'));
    const out = exportBank('aiken', files, 'hr');
    const back = importBank('aiken', out.text, { area: 'hr', name: 'back' });
    expect(back.errors).toEqual([]);
    const skipped = new Set(out.skipped.map((s) => s.id));
    expect(skipped.size).toBeGreaterThan(0);
    const originals = files
      .flatMap((f) => readQuestionFile(f.path, f.text).questions)
      .filter((q) => !skipped.has(q.id));
    expect(originals.length).toBeGreaterThan(100);
    const plain = (q: BankQuestion) => ({
      stem: markdownToLine(q.stem),
      options: q.options.map((o) => markdownToLine(o.text)),
      key: q.options.findIndex((o) => o.correct),
    });
    expect(back.questions.map(plain)).toEqual(originals.map(plain));
  });

  it('skips text Aiken would misread', () => {
    const out = bankToAiken([
      {
        id: 'a',
        stem: 'A. B. Smith signed first?',
        options: [
          { text: 'yes', correct: true },
          { text: 'no', correct: false },
        ],
        line: 1,
      },
      {
        id: 'b',
        stem: 'Fine?',
        options: [
          { text: 'ANSWER: yes', correct: true },
          { text: 'no', correct: false },
        ],
        line: 2,
      },
    ]);
    expect(out.text).toBe('');
    expect(out.skipped.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
