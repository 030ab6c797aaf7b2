// Moodle GIFT to bank questions, with gift-pegjs (the maintained PEG grammar of GIFT).
// Supported: multiple choice (one right answer), multiple answer with weights, true/false,
// comments, general and per-answer feedback, categories, escapes and the [html] [markdown]
// [plain] [moodle] formats. Matching, numeric, short answer, essay and description items are
// listed with their line, never dropped silently.
//
// Weights: when a question has a full-credit answer ("=" or "%100%"), that answer is the one
// right option and partial-credit answers become wrong options (our items score
// all-or-nothing; the report says so). Without one, every answer with a positive weight is a
// correct option of a "choose all that apply" item, and zero or negative weights are wrong.
import {
  parse,
  type GIFTQuestion,
  type MultipleChoice,
  type TextChoice,
  type TextFormat,
  type TrueFalse,
} from 'gift-pegjs';
import { htmlToMarkdown, idMaker, plainToMarkdown, slugify, tidy } from './text.ts';
import type { BankImport, BankNote, BankOption, BankQuestion } from './types.ts';

export interface GiftOptions {
  /** Prefix of ids made for questions without a title (the file's name). */
  name: string;
  /** Ids already used elsewhere in the content: new ids avoid them. */
  takenIds?: Iterable<string> | undefined;
  /** Competency ids of the target area: a category whose last part is one sets "Competency:". */
  competencies?: Iterable<string> | undefined;
  /** Sub-area ids of the target area: a category whose last part is one names the file's sub-area. */
  subareas?: Iterable<string> | undefined;
}

const UNSUPPORTED: Record<string, string> = {
  Matching: 'matching',
  Numerical: 'numeric',
  Short: 'short answer',
  Essay: 'essay',
  Description: 'description (text with no answers)',
};

export function giftToBank(text: string, opts: GiftOptions): BankImport {
  const out: BankImport = { questions: [], unsupported: [], notes: [], errors: [] };
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const competencies = new Set(opts.competencies ?? []);
  const nextId = idMaker(slugify(opts.name) || 'question', opts.takenIds);
  const subareas = new Set(opts.subareas ?? []);
  let competency: string | undefined;
  let subarea: string | undefined;
  // Blank lines separate GIFT questions (the grammar's own rule), so each block is parsed on its
  // own: that gives the line every question starts on, and every syntax error of the file at
  // once (any one of them stops the import: see importBank).
  for (const block of blocks(source)) {
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(block.text);
    } catch (err) {
      const e = syntaxError(err, block.line - 1);
      // A numeric item the grammar cannot read (Moodle's "{#3:2~#wrong}") is still only an
      // unsupported kind to us: listed, not fatal.
      if (/\{\s*#/.test(block.text))
        out.unsupported.push({
          line: block.line + block.lead,
          message: `numeric question is not supported: not imported (${e.message}).`,
        });
      else out.errors.push(e);
      continue;
    }
    for (const q of parsed) {
      const line = block.line + block.lead;
      if (q.type === 'Category') {
        const last = slugify(q.title.split('/').filter(Boolean).at(-1) ?? '');
        competency = competencies.has(last) ? last : undefined;
        subarea = !competency && subareas.has(last) ? last : undefined;
        out.notes.push({
          line,
          message: competency
            ? `Category "${q.title}": the questions below get "Competency: ${last}".`
            : subarea
              ? `Category "${q.title}": the questions below are in sub-area "${last}".`
              : `Category "${q.title}" is neither a competency nor a sub-area of the area: the questions below keep the file's sub-area.`,
        });
        continue;
      }
      if (q.type !== 'MC' && q.type !== 'TF') {
        const title = 'title' in q && q.title ? ` "${q.title}"` : '';
        const kind = UNSUPPORTED[q.type] ?? q.type;
        out.unsupported.push({ line, message: `${kind} question${title} is not supported: not imported.` });
        continue;
      }
      const id = nextId(q.id ?? q.title ?? undefined);
      const note = (message: string) => out.notes.push({ line, message: `"${id}": ${message}` });
      const question = toBank(q, id, line, note);
      if (!question) {
        out.errors.push({
          line,
          message: `"${id}" has no answer that earns credit: mark one with "=" or a positive %weight%.`,
        });
        continue;
      }
      if (competency) question.competency = competency;
      else if (subarea) question.subarea = subarea;
      // Our own export writes the other meta lines as comments above the question: read back.
      const meta = block.comments.flatMap((c) => (META_COMMENT.test(c) ? [c.replace(/^\s*\/\/\s*/, '')] : []));
      if (meta.length > 0) question.meta = meta;
      out.questions.push(question);
    }
  }
  return out;
}

/** One multiple-choice or true/false item; undefined when no answer earns credit. */
function toBank(
  q: MultipleChoice | TrueFalse,
  id: string,
  line: number,
  note: (message: string) => void,
): BankQuestion | undefined {
  const options = q.type === 'TF' ? trueFalse(q.isTrue, q.trueFeedback, q.falseFeedback) : choices(q.choices, note);
  if (!options) return undefined;
  let stem = md(q.stem);
  if (!stem) {
    stem = `(Question ${id})`;
    note('the question has no text: write it in place of the placeholder.');
  }
  let explanation = q.globalFeedback ? md(q.globalFeedback) : '';
  // Our rationales are all or none: feedback on only some answers moves to the explanation.
  const withFeedback = options.filter((o) => o.rationale);
  if (withFeedback.length > 0 && withFeedback.length < options.length) {
    const lines = withFeedback.map((o) => `- ${oneLine(o.text)}: ${oneLine(o.rationale ?? '')}`);
    explanation = [explanation, lines.join('\n')].filter(Boolean).join('\n\n');
    for (const o of options) delete o.rationale;
    note('feedback on only some answers was moved to the explanation.');
  }
  const correct = options.filter((o) => o.correct).length;
  if (correct > 1 && !/choose\s+all\s+that\s+apply/i.test(stem)) stem = `${stem}\n\nChoose all that apply.`;
  const question: BankQuestion = { id, stem, options, line };
  if (explanation) question.explanation = explanation;
  return question;
}

function choices(list: TextChoice[], note: (message: string) => void): BankOption[] | undefined {
  const full = list.some((c) => (c.isCorrect && c.weight === null) || c.weight === 100);
  const partial = list.filter((c) => c.weight !== null && c.weight > 0 && c.weight < 100);
  const options = list.map((c): BankOption => {
    const correct = full ? (c.isCorrect && c.weight === null) || c.weight === 100 : c.weight !== null && c.weight > 0;
    const option: BankOption = { text: md(c.text), correct };
    if (c.feedback && c.feedback.text.trim()) option.rationale = md(c.feedback);
    return option;
  });
  if (full && partial.length > 0) note('partial-credit answers became wrong options: our items score all or nothing.');
  if (!full && partial.length > 0)
    note('answers with a positive weight became the correct options, scored all or nothing.');
  return options.some((o) => o.correct) ? options : undefined;
}

/** GIFT's first feedback is for a wrong answer, the second for a right one (Moodle's rule). */
function trueFalse(isTrue: boolean, wrong: TextFormat | null, right: TextFormat | null): BankOption[] {
  const options: BankOption[] = [
    { text: 'True', correct: isTrue },
    { text: 'False', correct: !isTrue },
  ];
  const [t, f] = options as [BankOption, BankOption];
  if (wrong?.text.trim()) (isTrue ? f : t).rationale = md(wrong);
  if (right?.text.trim()) (isTrue ? t : f).rationale = md(right);
  return options;
}

/** A GIFT text in its declared format, as Markdown. The default (moodle) format may hold HTML. */
export function md(t: TextFormat): string {
  if (t.format === 'markdown') return tidy(t.text);
  if (t.format === 'plain') return tidy(plainToMarkdown(t.text));
  return htmlToMarkdown(t.text);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

interface Block {
  text: string;
  /** Line of the block's first line. */
  line: number;
  /** Comment lines before the question itself. */
  lead: number;
  comments: string[];
}

const META_COMMENT = /^\s*\/\/\s*(reference|difficulty|volatile|reviewed)\s*:/i;

function blocks(source: string): Block[] {
  const out: Block[] = [];
  const lines = source.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const chunk = lines.slice(start, end);
    const lead = chunk.findIndex((l) => !/^\s*\/\//.test(l));
    if (lead >= 0) out.push({ text: chunk.join('\n'), line: start + 1, lead, comments: chunk.slice(0, lead) });
    start = -1;
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') flush(i);
    else if (start < 0) start = i;
  });
  flush(lines.length);
  return out;
}

function syntaxError(err: unknown, lineOffset = 0): BankNote {
  const e = err as { message?: string; location?: { start: { line: number; column: number } } };
  const line = (e.location?.start.line ?? 1) + lineOffset;
  const column = e.location?.start.column ?? 1;
  return { line, column, message: `GIFT syntax error: ${e.message ?? String(err)}` };
}
