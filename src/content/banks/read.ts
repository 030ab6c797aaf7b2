// Reads one of our Markdown question files back into bank questions, keeping the Markdown
// source of every part (stem, options, rationales, explanation) so that exports carry the
// author's text, not rendered HTML. The file is expected to compile: run the content compiler
// first for its problems; this reader only skips what it cannot place.
import type { Blockquote, List, ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFrontmatter } from '../frontmatter.ts';
import { parseQuestionMarkdown } from '../markdown.ts';
import { META_LINE } from '../question-parts.ts';
import type { ContentIssue } from '../types.ts';
import type { BankOption, BankQuestion } from './types.ts';

export interface ReadFile {
  area: string | undefined;
  subarea: string | undefined;
  competency: string | undefined;
  questions: BankQuestion[];
  issues: ContentIssue[];
}

export function readQuestionFile(path: string, text: string): ReadFile {
  const issues: ContentIssue[] = [];
  const fm = readFrontmatter(path, text, issues);
  const data = (fm?.data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const result: ReadFile = {
    area: str(data.area),
    subarea: str(data.subarea),
    competency: str(data.competency),
    questions: [],
    issues,
  };
  if (!fm) return result;
  const body = fm.body;
  const src = (from: { position?: Pos }, to: { position?: Pos } = from) =>
    body.slice(from.position?.start.offset ?? 0, to.position?.end.offset ?? 0);
  const sections: { heading: RootContent; nodes: RootContent[] }[] = [];
  for (const node of parseQuestionMarkdown(body).children) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
    else sections.at(-1)?.nodes.push(node);
  }
  for (const { heading, nodes } of sections) {
    const listIndex = nodes.findIndex((n) => n.type === 'list');
    const list = nodes[listIndex] as List | undefined;
    const first = nodes[0];
    const lastStem = nodes[listIndex - 1];
    if (!list || !first || !lastStem) continue;
    const q: BankQuestion = {
      id: toString(heading).trim(),
      stem: src(first, lastStem),
      options: list.children.map((item) => readOption(item, src)),
      line: (heading.position?.start.line ?? 1) + fm.bodyLine - 1,
    };
    const meta: string[] = [];
    for (const node of nodes.slice(listIndex + 1)) {
      if (node.type === 'blockquote' && q.explanation === undefined && meta.length === 0)
        q.explanation = unquote(src(node));
      else if (node.type === 'paragraph') {
        for (const l of src(node).split('\n')) {
          const m = META_LINE.exec(l.trim());
          if (m?.[1]?.toLowerCase() === 'competency') q.competency = m[2]?.trim();
          else if (m) meta.push(l.trim());
        }
      }
    }
    if (meta.length > 0) q.meta = meta;
    result.questions.push(q);
  }
  return result;
}

type Pos = { start: { offset?: number | undefined; line: number }; end: { offset?: number | undefined } };

function readOption(item: ListItem, src: (a: { position?: Pos }, b?: { position?: Pos }) => string): BankOption {
  const quotes = item.children.filter((c): c is Blockquote => c.type === 'blockquote');
  const body = item.children.filter((c) => c.type !== 'blockquote');
  const first = body[0];
  const last = body.at(-1);
  const option: BankOption = { text: first && last ? dedent(src(first, last)) : '', correct: item.checked === true };
  // The checkbox belongs to the first paragraph's source: "[x] text" -> "text".
  option.text = option.text.replace(/^\[[ xX]\]\s*/, '');
  if (quotes[0]) option.rationale = unquote(dedent(src(quotes[0])));
  return option;
}

/** The continuation lines of a list item carry its indent: removed. */
function dedent(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(/^ {1,4}/, '')))
    .join('\n');
}

function unquote(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^\s*> ?/, ''))
    .join('\n')
    .trim();
}
