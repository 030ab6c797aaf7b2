// GIFT (Moodle) into our question files: every supported kind converts to a file our own
// compiler accepts with zero problems, unsupported kinds are listed by line, malformed files
// are reported at line:column. Real-world samples: tests/fixtures/banks/README.md.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBank, importReport } from '../../src/content/banks/index';
import type { Question } from '../../src/content/types';
import { compileWith } from '../fixtures/content';

const BANKS = 'tests/fixtures/banks';
const read = (name: string) => readFileSync(`${BANKS}/${name}`, 'utf8');
const target = { area: 'money', name: 'imported', subarea: 'books', competencies: ['ledgers', 'trust', 'budgets'] };

/** Converts GIFT text and compiles the result into the valid fixture; returns both. */
function convert(text: string) {
  const result = importBank('gift', text, target);
  const compiled = result.markdown ? compileWith({ 'questions/money/imported.md': result.markdown }) : undefined;
  const questions = new Map<string, Question>(
    (compiled?.content?.questionsByArea.money ?? []).filter((q) => q.source.includes('imported')).map((q) => [q.id, q]),
  );
  return { result, issues: compiled?.issues, questions };
}

describe('GIFT import', () => {
  it('converts every supported question of every real-world sample to a file that compiles with zero problems', () => {
    const samples = readdirSync(BANKS).filter((f) => /\.gift(\.txt)?$/.test(f) && f !== 'malformed.gift');
    expect(samples.length).toBeGreaterThanOrEqual(10);
    let converted = 0;
    for (const name of samples) {
      const { result, issues, questions } = convert(read(name));
      expect(result.errors, name).toEqual([]);
      if (result.questions.length === 0) continue;
      expect(issues, name).toEqual([]);
      expect(questions.size, name).toBe(result.questions.length);
      converted += questions.size;
    }
    expect(converted).toBeGreaterThanOrEqual(15);
  });

  it('lists matching, numeric, short-answer, essay and description items with their line, never silently', () => {
    const { result } = convert(read('pegjs-giftFormatPhpExamples.gift'));
    expect(result.unsupported.map((u) => [u.line, u.message.split(' question')[0]])).toEqual([
      [11, 'short answer'],
      [13, 'numeric'],
      [15, 'matching'],
      [33, 'short answer'],
      [40, 'numeric'],
    ]);
    expect(result.questions.map((q) => q.line)).toEqual([5, 7, 9, 22, 28]);
    const essay = convert('// essay\n::Q8:: How are you? {}\n\n::Intro::Read this first.\n');
    expect(essay.result.unsupported.map((u) => [u.line, u.message])).toEqual([
      [2, 'essay question "Q8" is not supported: not imported.'],
      [4, 'description (text with no answers) question "Intro" is not supported: not imported.'],
    ]);
    expect(essay.result.markdown).toBeUndefined();
    const report = importReport('bank.gift', essay.result);
    expect(report).toContain('bank.gift:2 not imported: essay question "Q8" is not supported: not imported.');
    expect(report.at(-1)).toBe('0 questions converted, 2 not supported, 0 malformed.');
  });

  it('keeps one right answer of a multiple-choice item; partial credit beside a full-credit answer becomes wrong, with a note', () => {
    const { questions, result } = convert(read('pegjs-giftFormatPhpExamples.gift'));
    const tomb = questions.get('grant-s-tomb')!;
    expect(tomb.options.map((o) => [o.text, o.correct, o.rationaleText])).toEqual([
      ['buried', false, 'No one is buried there.'],
      ['entombed', true, 'Right answer!'],
      ['living', false, 'We hope not!'],
    ]);
    expect(tomb.stemText).toBe("Grant is _____ in Grant's tomb.");
    const difficult = result.questions.find((q) => q.line === 28)!;
    expect(difficult.options.map((o) => o.correct)).toEqual([false, false, true]);
    expect(result.notes).toContainEqual({
      line: 28,
      message: `"${difficult.id}": partial-credit answers became wrong options: our items score all or nothing.`,
    });
  });

  it('makes the answers with a positive weight the correct options of a choose-all item', () => {
    const { questions, result } = convert(read('pegjs-multipleAnswersFloat.gift'));
    const [q] = [...questions.values()];
    expect(q!.multi).toBe(true);
    expect(q!.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['Africa', 'Asia', 'Antarctica']);
    expect(q!.stemText).toMatch(/continent:\s+Choose all that apply\.$/);
    expect(result.notes[0]?.message).toMatch(/positive weight became the correct options/);
    const moodle = convert(read('pegjs-totara_moodle_multichoice_multi.gift')).questions.get('colours')!;
    expect(moodle.options.map((o) => [o.text, o.correct])).toEqual([
      ['yellow', true],
      ['red', false],
      ['off-beige', true],
      ['blue', false],
    ]);
  });

  it("reads true/false items with Moodle's feedback rule: the first is for a wrong answer, the second for a right one", () => {
    const text =
      "::Q1:: 42 is the Absolute Answer to everything.{\nFALSE#42 is the Ultimate Answer.#You gave the right answer.\n####This is, of course, a Hitchiker's Guide to the Galaxy reference.}\n";
    const q = convert(text).questions.get('q1')!;
    expect(q.options.map((o) => [o.text, o.correct, o.rationaleText])).toEqual([
      ['True', false, '42 is the Ultimate Answer.'],
      ['False', true, 'You gave the right answer.'],
    ]);
    expect(q.explanationText).toBe("This is, of course, a Hitchiker's Guide to the Galaxy reference.");
  });

  it('moves feedback given on only some answers into the explanation (rationales are all or none)', () => {
    const { questions, result } = convert(
      '::Spectrum:: Between orange and green?{=yellow # right; good!\n~red\n~blue}\n',
    );
    const q = questions.get('spectrum')!;
    expect(q.options.every((o) => o.rationaleText === undefined)).toBe(true);
    expect(q.explanationText).toBe('yellow: right; good!');
    expect(result.notes[0]?.message).toBe('"spectrum": feedback on only some answers was moved to the explanation.');
  });

  it('decodes the escapes \\~ \\= \\# \\{ \\} \\: and shows them literally', () => {
    const [q] = [...convert(read('pegjs-escapeAll.gift')).questions.values()];
    expect(q!.options.map((o) => o.text)).toEqual(['~', '=', '#', '{', '}', ':', '\\']);
    expect(q!.options[6]!.correct).toBe(true);
    expect(q!.options[0]!.rationaleText).toBe('~ is a control character.');
  });

  it('reads [html], [markdown], [plain] and the default format through our renderer, injecting nothing', () => {
    const text = [
      '[html]<p>The sun rises in <b>which</b> direction?</p>{=<p>The east.</p>#<b>Awesome!</b> ~The west.#What planet did <em>you</em> grow up on?}',
      '',
      '::md::[markdown]Is **this** bold?{TRUE}',
      '',
      '::plain::[plain]Is *this* <b>bold</b>?{FALSE}',
      '',
      // GIFT needs = and : escaped, as Moodle's own export writes them.
      '::hostile::[html]<script>alert(1)</script><img src\\=x onerror\\="alert(2)"><a href\\="javascript\\:alert(3)">Click</a> <a href\\="https\\://example.org/x">ok</a>?{=yes ~<iframe src\\="https\\://evil.example"></iframe>no}',
      '',
      '::default:: Plain text with * and _ and a <i>tag</i>?{=a ~b}',
    ].join('\n');
    const { questions, issues } = convert(text);
    expect(issues).toEqual([]);
    const [html, md, plain, hostile, def] = [...questions.values()];
    expect(html!.stemHtml).toBe('<p>The sun rises in <strong>which</strong> direction?</p>');
    // (Inline HTML may carry line breaks between its parts: whitespace, so it is collapsed here.)
    const flat = (h?: string) => h?.replace(/\s+/g, ' ').trim();
    expect(flat(html!.options[0]!.rationaleHtml)).toBe('<strong>Awesome!</strong>');
    expect(flat(html!.options[1]!.rationaleHtml)).toBe('What planet did <em>you</em> grow up on?');
    expect(md!.stemHtml).toBe('<p>Is <strong>this</strong> bold?</p>');
    expect(plain!.stemText).toBe('Is *this* <b>bold</b>?');
    expect(plain!.stemHtml).not.toContain('<b>');
    const all = JSON.stringify(hostile);
    for (const bad of ['<script', 'onerror', 'javascript:', '<iframe', '<img']) expect(all).not.toContain(bad);
    expect(hostile!.stemText).toBe('Click ok?');
    expect(hostile!.stemHtml).toContain(
      '<a href="https://example.org/x" rel="noopener noreferrer" target="_blank">ok</a>',
    );
    expect(def!.stemText).toBe('Plain text with * and _ and a tag?');
    expect(def!.stemHtml).toContain('<em>tag</em>');
  });

  it('keeps an HTML list in a stem as lines (a Markdown list there would be read as the options)', () => {
    const { questions, issues } = convert('::l::[html]<p>Which?</p><ul><li>one</li><li>two</li></ul>{=a ~b}\n');
    expect(issues).toEqual([]);
    expect(questions.get('l')!.stemHtml).toBe('<p>Which?</p>\n<p>• one</p>\n<p>• two</p>');
  });

  it('uses no Node-only API in the converters (the app will run them in the browser)', () => {
    const sources = readdirSync('src/content/banks').map((f) => readFileSync(`src/content/banks/${f}`, 'utf8'));
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(sources.filter((s) => /from ['"](node:|fs|path|os|child_process)/.test(s) || /\bprocess\./.test(s))).toEqual(
      [],
    );
  });

  it('ignores comments and turns a category naming a competency into its Competency line', () => {
    const text = [
      '// A comment line, ignored.',
      '$CATEGORY: $course$/Money/trust',
      '',
      '::t1:: Where does client money go?{=Trust account ~Operating account}',
      '',
      '$CATEGORY: $course$/Misc',
      '',
      '::t2:: Debits equal what?{=Credits ~Assets}',
    ].join('\n');
    const { questions, result, issues } = convert(text);
    expect(issues).toEqual([]);
    expect(questions.get('t1')).toMatchObject({ competency: 'trust', subarea: 'books' });
    expect(questions.get('t2')).toMatchObject({ competency: undefined, subarea: 'books' });
    expect(result.notes.map((n) => n.line)).toEqual([2, 6]);
    expect(result.notes[1]!.message).toContain('is neither a competency nor a sub-area of the area');
  });

  it("takes the file's sub-area from a category naming one, and says which questions still lack one", () => {
    const base = { area: 'money', name: 'x', subareas: ['books', 'analysis'], competencies: ['budgets'] };
    const text = '$CATEGORY: Money/analysis\n\n::v1:: A variance?{=yes ~no}\n\n::v2:: Another?{=yes ~no}\n';
    const result = importBank('gift', text, base);
    expect(result.subarea).toBe('analysis');
    expect(result.withoutSubarea).toEqual([]);
    const compiled = compileWith({ 'questions/money/x.md': result.markdown! });
    expect(compiled.issues).toEqual([]);
    expect(compiled.content!.questionsByArea.money!.find((q) => q.id === 'v1')!.subarea).toBe('analysis');
    const none = importBank('gift', '::v3:: No category?{=yes ~no}\n', base);
    expect(none.subarea).toBeUndefined();
    expect(none.withoutSubarea).toEqual(['v3']);
  });

  it('reads Windows line endings and a byte-order mark, with the same line numbers', () => {
    const text = '\uFEFF// c\r\n::a:: One?{=x ~y}\r\n\r\n::b:: Two?{=x ~y}\r\n';
    const result = importBank('gift', text, target);
    expect(result.questions.map((q) => [q.id, q.line])).toEqual([
      ['a', 2],
      ['b', 4],
    ]);
    expect(result.markdown).not.toContain('\r');
  });

  it('makes unique ids from titles, avoiding ids already in the content', () => {
    const text = '::Same:: One?{=a ~b}\n\n::Same:: Two?{=a ~b}\n\nNo title?{=a ~b}\n';
    const result = importBank('gift', text, { ...target, takenIds: ['same'] });
    expect(result.questions.map((q) => q.id)).toEqual(['same-2', 'same-3', 'imported-3']);
  });

  it('reports every syntax error of a malformed file at line:column with the parser message, and imports nothing', () => {
    const broken = convert(read('malformed.gift'));
    expect(broken.result.markdown).toBeUndefined();
    expect(broken.result.errors).toEqual([
      { line: 5, column: 52, message: 'GIFT syntax error: Expected "}" but end of input found.' },
      { line: 7, column: 17, message: 'GIFT syntax error: Expected "{" but "=" found.' },
    ]);
    expect(importReport('malformed.gift', broken.result)).toEqual([
      'malformed.gift:5:52 error: GIFT syntax error: Expected "}" but end of input found.',
      'malformed.gift:7:17 error: GIFT syntax error: Expected "{" but "=" found.',
      '1 question converted, 0 not supported, 2 malformed.',
    ]);
  });

  it("lists a numeric item the parser cannot read (Moodle's own fixture) as unsupported, and imports the rest", () => {
    const { result, questions, issues } = convert(read('moodle-questions.gift.txt'));
    expect(result.errors).toEqual([]);
    expect(result.unsupported.map((u) => u.line)).toEqual([2, 5, 31, 34]);
    expect(result.unsupported[2]!.message).toMatch(
      /^numeric question is not supported: not imported \(GIFT syntax error: /,
    );
    expect(issues).toEqual([]);
    expect([...questions.keys()]).toEqual(['q2', 'colours', 'q1', '2-08-tsl', '2-08-tsl-2']);
  });
});
