// Aiken to bank questions. Aiken is plain text: a question (one or more lines), its options
// one per line as "A. text" or "A) text", then "ANSWER: X". Questions are separated by the
// ANSWER line (blank lines are optional). A malformed question is reported at its line and
// skipped; the good ones around it are still imported.
import { idMaker, plainToMarkdown, slugify } from './text.ts';
import type { BankImport, BankQuestion } from './types.ts';

export interface AikenOptions {
  name: string;
  takenIds?: Iterable<string> | undefined;
}

const OPTION = /^([A-Z])[.)]\s*(.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

interface Pending {
  line: number;
  stem: string[];
  options: { letter: string; text: string; line: number }[];
}

export function aikenToBank(text: string, opts: AikenOptions): BankImport {
  const out: BankImport = { questions: [], unsupported: [], notes: [], errors: [] };
  const nextId = idMaker(slugify(opts.name) || 'question', opts.takenIds);
  let q: Pending | undefined;
  const unfinished = (at: number) => {
    if (q)
      out.errors.push({ line: q.line, message: `This question has no "ANSWER: X" line before line ${at}: skipped.` });
    q = undefined;
  };
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const l = raw.trim();
    if (l === '') return;
    const answer = ANSWER.exec(l);
    if (answer) {
      const letter = (answer[1] ?? '').trim().toUpperCase();
      if (!q) out.errors.push({ line, message: 'An "ANSWER:" line with no question before it.' });
      else if (q.stem.length === 0)
        out.errors.push({ line: q.line, message: 'Options with no question text before them: skipped.' });
      else if (q.options.length < 2)
        out.errors.push({
          line: q.line,
          message: `This question has ${q.options.length} option: give at least two. Skipped.`,
        });
      else if (!/^[A-Z]$/.test(letter) || !q.options.some((o) => o.letter === letter))
        out.errors.push({
          line,
          message: `"ANSWER: ${answer[1] ?? ''}" must be one letter of the options (${q.options.map((o) => o.letter).join(', ')}): question skipped.`,
        });
      else out.questions.push(finish(q, letter, nextId));
      q = undefined;
      return;
    }
    const option = OPTION.exec(l);
    if (option && (q === undefined || q.stem.length > 0 || q.options.length > 0)) {
      q ??= { line, stem: [], options: [] };
      const letter = option[1] ?? '';
      const expected = String.fromCodePoint(65 + q.options.length);
      if (letter !== expected)
        out.errors.push({ line, message: `Option "${letter}" where "${expected}" was expected.` });
      q.options.push({ letter, text: option[2] ?? '', line });
      return;
    }
    // Question text: a new question starts here unless the current one has no options yet.
    if (q && q.options.length > 0) unfinished(line);
    q ??= { line, stem: [], options: [] };
    q.stem.push(l);
  });
  unfinished(lines.length + 1);
  return out;
}

function finish(q: Pending, letter: string, nextId: (wanted: string | undefined) => string): BankQuestion {
  const stem = q.stem.join('\n');
  return {
    id: nextId(undefined),
    stem: plainToMarkdown(stem),
    options: q.options.map((o) => ({ text: plainToMarkdown(o.text) || '(empty)', correct: o.letter === letter })),
    line: q.line,
  };
}
