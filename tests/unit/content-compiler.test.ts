import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { compileFixture, compileWith, VALID } from '../fixtures/content';

describe('content compiler on valid content', () => {
  const { content, issues } = compileFixture();

  it('compiles the fixture without problems', () => {
    expect(issues).toEqual([]);
    expect(content).toBeDefined();
  });

  it('orders areas and sessions and counts questions per area, sub-area and competency', () => {
    const index = content!.index;
    expect(index.areas.map((a) => a.id)).toEqual(['money', 'people']);
    expect(index.sessions.map((s) => s.id)).toEqual(['books-night', 'hiring-night']);
    expect(index.counts).toEqual({
      total: 5,
      byArea: { money: 3, people: 2 },
      bySubarea: { books: 2, analysis: 1, hiring: 2 },
      byCompetency: { trust: 1, ledgers: 1, budgets: 1, eligibility: 1, interviews: 1 },
    });
  });

  it('reads whether mock exams may draw choose-all items, single-best-answer only by default', () => {
    expect(content!.index.program.exam.chooseAllThatApply).toBe(false);
    const program = readContentDirs([VALID]).find((f) => f.relative === 'program.md')!;
    const allowed = compileWith({
      'program.md': program.text.replace(/^exam:\n/m, 'exam:\n  chooseAllThatApply: true\n'),
    });
    expect(allowed.issues).toEqual([]);
    expect(allowed.content!.index.program.exam.chooseAllThatApply).toBe(true);
  });

  it('gives a session the questions of its competencies, or else of its area', () => {
    const [books, hiring] = content!.index.sessions;
    expect(content!.materials[books!.id]!.questionIds).toEqual(['trust-three-way', 'ledger-double-entry']);
    expect(content!.materials[hiring!.id]!.questionIds).toEqual(['i9-section-2', 'interview-panel']);
    expect([books!.questionCount, hiring!.questionCount]).toEqual([2, 2]);
  });

  it('reads options, correct answers, explanation, reference and difficulty of a question', () => {
    const [trust, , variance] = content!.questionsByArea.money!;
    expect(trust).toMatchObject({
      id: 'trust-three-way',
      subarea: 'books',
      competency: 'trust',
      multi: false,
      difficulty: 2,
      referenceHtml: 'ABA Model Rule 1.15',
      source: 'tests/fixtures/content/valid/questions/money/basics.md:6',
    });
    expect(trust!.options.map((o) => o.correct)).toEqual([false, true, false]);
    expect(trust!.options[1]!.html).toBe('Bank statement, trust register and client ledgers');
    expect(trust!.explanationHtml).toContain('<p>The three records');
    expect(variance!.multi).toBe(true);
    expect(variance!.subarea).toBe('analysis');
  });

  it('renders material with tables wrapped for small screens and external links opened safely', () => {
    expect(content!.materials['books-night']!.materialHtml).toContain('<div class="table-scroll"');
    const i9 = content!.questionsByArea.people![0]!;
    expect(i9.referenceHtml).toBe(
      '<a href="https://www.uscis.gov/i-9-central" rel="noopener noreferrer" target="_blank">I-9 Central</a>',
    );
  });
});

describe('content compiler on bad input', () => {
  const cases: [string, string, string][] = [
    ['yaml-syntax', 'bad/yaml-syntax/sessions/books-night.md:8:1', 'YAML error'],
    ['missing-field', 'bad/missing-field/sessions/books-night.md:2:1', 'Missing required field "title"'],
    ['unknown-area', 'bad/unknown-area/sessions/hiring-night.md:4:7', 'Unknown area "marketing"'],
    [
      'unknown-competency',
      'bad/unknown-competency/questions/money/extra.md:12:1',
      'unknown competency "petty-cash-handling"',
    ],
    ['duplicate-id', 'bad/duplicate-id/questions/people/more.md:6:1', 'Duplicate question id "trust-three-way"'],
    ['no-correct', 'bad/no-correct/questions/money/extra.md:10:1', 'has no correct option'],
    ['one-option', 'bad/one-option/questions/money/extra.md:10:1', 'has only one option'],
    ['impossible-date', 'bad/impossible-date/sessions/books-night.md:7:7', '2027-02-30 is not a real date'],
    ['bad-hours', 'bad/bad-hours/sessions/books-night.md:9:8', 'must be at most 8 hours'],
    ['empty-file', 'bad/empty-file/questions/people/empty.md:1:1', 'The file is empty'],
  ];

  it.each(cases)('reports %s at its file, line and column', (name, where, message) => {
    const { content, issues } = compileFixture(name);
    expect(content).toBeUndefined();
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(`${issue.path}:${issue.line}:${issue.column}`).toBe(`tests/fixtures/content/${where}`);
    expect(issue.message).toContain(message);
  });

  it('reports every problem at once, in file order', () => {
    const { issues } = compileFixture('bad-hours', 'no-correct', 'unknown-area');
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('must be at most 8 hours'),
      expect.stringContaining('has no correct option'),
      expect.stringContaining('Unknown area "marketing"'),
    ]);
  });

  it('checks that weights add up', () => {
    const money = readContentDirs(['tests/fixtures/content/valid']).find((f) => f.relative === 'areas/money.md')!;
    const { issues } = compileWith({ 'areas/money.md': money.text.replace('weight: 60', 'weight: 55') });
    expect(issues.map((i) => `${i.path}:${i.line} ${i.message}`)).toEqual([
      "mem/areas/money.md:5 The sub-area weights add up to 60, but the area's weight is 55: they must be equal.",
      'tests/fixtures/content/valid/areas/people.md:5 The area weights add up to 95, not 100 (money 55, people 40).',
    ]);
  });

  it('explains a missing blank line before the Competency line', () => {
    const { issues } = compileWith({
      'questions/people/glued.md':
        '---\narea: people\n---\n\n## glued\n\nStem?\n\n- [x] A\n- [ ] B\n\n> Because.\nCompetency: interviews\n',
    });
    expect(issues).toEqual([
      expect.objectContaining({
        line: 12,
        message: expect.stringContaining('Leave a blank line between the explanation'),
      }),
    ]);
  });

  it('rejects unknown frontmatter fields and bad difficulty values', () => {
    const { issues } = compileWith({
      'questions/people/typos.md':
        '---\narea: people\ncompetncy: interviews\n---\n\n## typo\n\nStem?\n\n- [x] A\n- [ ] B\n\nDifficulty: 5\n',
    });
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      expect.stringMatching(/^3:12 Unknown field "competncy"/),
    ]);
    const second = compileWith({
      'questions/people/diff.md':
        '---\narea: people\ncompetency: interviews\n---\n\n## hard\n\nStem?\n\n- [x] A\n- [ ] B\n\nDifficulty: 5\n',
    });
    expect(second.issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      expect.stringMatching(/^13:1 The difficulty of "hard" must be 1/),
    ]);
  });

  it('keeps a code block with a "## " line inside one question, and reports lines after it correctly', () => {
    const { content, issues } = compileWith({
      'questions/people/code.md':
        '---\narea: people\ncompetency: interviews\n---\n\n## with-code\n\nWhat does this print?\n\n```\n## not a heading\n```\n\n- [x] A\n- [ ] B\n\n## second\n\nStem?\n\n- [ ] A\n- [ ] B\n',
    });
    expect(content).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ line: 21, message: expect.stringContaining('"second" has no correct option') }),
    ]);
    const ok = compileWith({
      'questions/people/code.md':
        '---\narea: people\ncompetency: interviews\n---\n\n## with-code\n\nWhat does this print?\n\n```\n## not a heading\n```\n\n- [x] A\n- [ ] B\n',
    });
    expect(ok.content!.questionsByArea.people!.find((q) => q.id === 'with-code')!.stemHtml).toContain(
      '## not a heading',
    );
  });

  it('says so when program.md is missing', () => {
    const files = readContentDirs(['tests/fixtures/content/valid']).filter((f) => f.relative !== 'program.md');
    const { issues } = compileContent(files, 'content');
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'content/program.md',
        message: expect.stringContaining('program.md is missing'),
      }),
    ]);
  });
});

describe('content sanitizing', () => {
  const hostile = [
    '---',
    'id: books-night',
    'title: A Night With the Books',
    'area: money',
    'speaker:',
    '  name: Pat Ledger',
    'date: 2027-01-12',
    'start: "18:00"',
    'hours: 3',
    '---',
    '',
    '<script>alert("x")</script>',
    '',
    '<img src="x" onerror="alert(1)">',
    '',
    '[click me](javascript:alert(1)) and <a href="#" onclick="steal()">this</a>',
    '',
    '<iframe src="https://example.com"></iframe>',
    '',
    'Plain **bold** stays.',
  ].join('\n');

  it('strips raw HTML, scripts, event handlers and javascript: URLs', () => {
    const { content, issues } = compileWith({ 'sessions/books-night.md': hostile });
    expect(issues).toEqual([]);
    const html = content!.materials['books-night']!.materialHtml;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<img/i);
    expect(html).toContain('<strong>bold</strong>');
  });

  it('refuses images from other sites, which would break offline use and leak requests', () => {
    const { issues } = compileWith({
      'sessions/books-night.md': hostile.replace('Plain', '![chart](https://example.com/c.png)\n\nPlain'),
    });
    expect(issues).toEqual([
      expect.objectContaining({
        line: 20,
        column: 1,
        message: expect.stringContaining('Images must be files of the app'),
      }),
    ]);
  });
});

describe('the real content', () => {
  // The whole bank (600 questions and growing) takes seconds on a busy machine.
  it('compiles without problems', { timeout: 60_000 }, () => {
    const { issues } = compileContent(readContentDirs(['content']));
    expect(issues).toEqual([]);
  });
});

describe('rationale per option, Volatile and Reviewed', () => {
  const { content, issues } = compileContent(readContentDirs([VALID, 'tests/fixtures/content/more']));
  const byId = (id: string) => content!.questionsByArea.money!.find((q) => q.id === id)!;

  it('reads a blockquote nested under each option as that option, not part of its text', () => {
    expect(issues).toEqual([]);
    const q = byId('trust-records-rationale');
    expect(q.options.map((o) => o.html)).toEqual([
      'The bank statement, the general ledger and the budget',
      'The bank statement, the trust register and the client ledgers',
      'The client ledgers, the invoices &#x26; the engagement letters',
    ]);
    expect(q.options[1]!.rationaleHtml).toContain('hold or track client money');
    expect(q.options[1]!.rationaleText).toBe(
      'These are the three records that hold or track client money, so they must agree.',
    );
    // The question-level blockquote stays the summary.
    expect(q.explanationHtml).toBe('<p>The reconciliation agrees the bank, the register &#x26; the ledgers.</p>');
  });

  it('gives plain text without entities, with table cells apart', () => {
    const q = byId('trust-records-rationale');
    expect(q.stemText).toBe(
      'Which records does a three-way trust reconciliation compare? Record Kept by Trust register Accounting & billing Bank statement The bank',
    );
    expect(q.options[2]!.text).toBe('The client ledgers, the invoices & the engagement letters');
    expect(q.options[2]!.rationaleText).toContain('whether < $500 or more');
    expect(q.explanationText).toBe('The reconciliation agrees the bank, the register & the ledgers.');
    const all = JSON.stringify(content!.questionsByArea.money!.map((x) => [x.stemText, x.explanationText, x.options]));
    expect(all.match(/"text":"[^"]*&#x/)).toBeNull();
  });

  it('makes a stem that says "choose all that apply" a choose-all item, even with one correct option', () => {
    expect(byId('trust-interest-choose-all').multi).toBe(true);
    const one = byId('trust-one-of-many');
    expect(one.multi).toBe(true);
    expect(one.options.filter((o) => o.correct)).toHaveLength(1);
    expect(byId('trust-records-rationale').multi).toBe(false);
  });

  it('stores Volatile and Reviewed', () => {
    expect(byId('trust-records-rationale')).toMatchObject({ volatile: true, reviewed: '2026-11' });
    expect(byId('trust-interest-choose-all').reviewed).toBe('2025-06');
    expect(byId('trust-interest-choose-all').volatile).toBeUndefined();
  });

  it.each([
    [
      'rationale-missing',
      'bad/rationale-missing/questions/money/extra.md:12:1',
      'Option B of "trial-balance" ("That the bank statement agrees with the…") has no rationale',
    ],
    ['volatile-unreviewed', 'bad/volatile-unreviewed/questions/money/extra.md:14:1', 'has no "Reviewed: YYYY-MM" line'],
    ['reviewed-malformed', 'bad/reviewed-malformed/questions/money/extra.md:14:1', 'must be a month written YYYY-MM'],
  ])('reports %s at its file, line and column', (name, where, message) => {
    const { content: none, issues: found } = compileFixture(name);
    expect(none).toBeUndefined();
    expect(found.map((i) => `${i.path}:${i.line}:${i.column}`)).toEqual([`tests/fixtures/content/${where}`]);
    expect(found[0]!.message).toContain(message);
  });

  it('refuses two rationales under one option', () => {
    const { issues: two } = compileWith({
      'questions/people/two.md':
        '---\narea: people\ncompetency: interviews\n---\n\n## two\n\nStem?\n\n- [x] A\n  > Why A.\n\n  > Again.\n- [ ] B\n  > Why B.\n',
    });
    expect(two.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      expect.stringMatching(/^13:3 Option A of "two" \("A"\) has 2 rationales/),
    ]);
  });

  it('explains a missing blank line after the last rationale', () => {
    const { issues: glued } = compileWith({
      'questions/people/glued.md':
        '---\narea: people\ncompetency: interviews\n---\n\n## glued\n\nStem?\n\n- [x] A\n  > Why A.\n- [ ] B\n  > Why B.\nDifficulty: 2\n',
    });
    expect(glued).toEqual([
      expect.objectContaining({
        line: 12,
        message: expect.stringContaining('Leave a blank line between the last option'),
      }),
    ]);
  });
});

describe('the format as content/README.md documents it', () => {
  it('compiles the documented question example, rationales and all', () => {
    const readme = readFileSync('content/README.md', 'utf8');
    const example = /```markdown\n(---\narea: finance[\s\S]*?)```/.exec(readme)![1]!;
    const files = readContentDirs(['content']).filter(
      (f) => f.relative === 'program.md' || f.relative.startsWith('areas/'),
    );
    files.push({ path: 'README-example.md', relative: 'questions/finance/example.md', text: example });
    const { content, issues } = compileContent(files);
    expect(issues).toEqual([]);
    const q = content!.questionsByArea.finance!.find((x) => x.id === 'three-way-reconciliation')!;
    expect(q.options).toHaveLength(4);
    expect(q.options.every((o) => o.rationaleText)).toBe(true);
    expect(q.explanationText).toMatch(/^A three-way reconciliation agrees/);
  });
});
