// Bank questions to Aiken, which holds only single-answer items in plain text: the question on
// one line, options "A) text", then "ANSWER: X". Choose-all items, items with more than 26
// options and texts Aiken would misread are listed in `skipped`, never dropped silently.
// Rationales, explanations and meta lines have no place in Aiken and are left out.
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown.ts';
import type { BankExport, BankQuestion } from './types.ts';

/** Markdown to one line of plain text. */
export function markdownToLine(md: string): string {
  const root = parseMarkdown(md);
  return root.children
    .map((n) => toString(n))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKS_LIKE_OPTION = /^[A-Z][.)]/;
const LOOKS_LIKE_ANSWER = /^ANSWER\s*:/i;

export function bankToAiken(questions: BankQuestion[]): BankExport {
  const out: string[] = [];
  const skipped: BankExport['skipped'] = [];
  for (const q of questions) {
    const correct = q.options.filter((o) => o.correct).length;
    if (correct !== 1 || /choose\s+all\s+that\s+apply/i.test(q.stem)) {
      skipped.push({ id: q.id, reason: 'a choose-all-that-apply item: Aiken holds single-answer items only' });
      continue;
    }
    if (q.options.length > 26) {
      skipped.push({ id: q.id, reason: 'more than 26 options' });
      continue;
    }
    const stem = markdownToLine(q.stem);
    const options = q.options.map((o) => markdownToLine(o.text));
    const bad = [stem, ...options].find((t) => t === '' || LOOKS_LIKE_ANSWER.test(t));
    if (bad !== undefined || LOOKS_LIKE_OPTION.test(stem)) {
      skipped.push({ id: q.id, reason: `a text Aiken would misread: "${bad ?? stem}"` });
      continue;
    }
    const key = String.fromCodePoint(65 + q.options.findIndex((o) => o.correct));
    out.push([stem, ...options.map((t, i) => `${String.fromCodePoint(65 + i)}) ${t}`), `ANSWER: ${key}`].join('\n'));
  }
  return { text: out.length > 0 ? `${out.join('\n\n')}\n` : '', skipped };
}
