// Writes bank questions as one of our Markdown question files (format: content/README.md),
// which the content compiler then checks like any hand-written file.
import type { BankQuestion } from './types.ts';

export interface FileHeader {
  area: string;
  subarea?: string | undefined;
  competency?: string | undefined;
  /** Lines written as a YAML comment at the top (where the file came from). */
  comment?: string[] | undefined;
}

export function writeQuestionFile(header: FileHeader, questions: BankQuestion[]): string {
  const front = ['---', ...(header.comment ?? []).map((c) => `# ${c}`), `area: ${header.area}`];
  if (header.subarea) front.push(`subarea: ${header.subarea}`);
  if (header.competency) front.push(`competency: ${header.competency}`);
  front.push('---');
  return `${front.join('\n')}\n\n${questions.map(writeQuestion).join('\n\n')}\n`;
}

export function writeQuestion(q: BankQuestion): string {
  const parts = [`## ${q.id}`, q.stem.trim()];
  const withRationale = q.options.every((o) => o.rationale?.trim());
  parts.push(
    q.options
      .map((o) => {
        const text = indent(o.text.trim(), '  ', '');
        const mark = `- [${o.correct ? 'x' : ' '}] ${text}`;
        return withRationale ? `${mark}\n${quote(o.rationale ?? '', '  ')}` : mark;
      })
      .join('\n'),
  );
  if (q.explanation?.trim()) parts.push(quote(q.explanation, ''));
  const meta = [...(q.competency ? [`Competency: ${q.competency}`] : []), ...(q.meta ?? [])];
  if (meta.length > 0) parts.push(meta.join('\n'));
  return parts.join('\n\n');
}

/** A blockquote of Markdown text; blank lines inside stay in the quote. */
function quote(md: string, pad: string): string {
  return md
    .trim()
    .split('\n')
    .map((l) => (l.trim() === '' ? `${pad}>` : `${pad}> ${l}`))
    .join('\n');
}

function indent(text: string, pad: string, first: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? first + l : l.trim() === '' ? '' : pad + l))
    .join('\n');
}
