// The parts of a question after its stem: the options (each with an optional rationale) and the
// Competency / Reference / Difficulty / Volatile / Reviewed lines.
import type { Blockquote, List, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown, renderNodes } from './markdown.ts';
import { plainText } from './plain.ts';
import { clip } from '../lib/text.ts';
import type { QuestionOption } from './types.ts';

export const META_LINE = /^(competency|reference|difficulty|volatile|reviewed)\s*:\s*(.*)$/i;
const REVIEWED = /^\d{4}-(0[1-9]|1[0-2])$/;

type At = { position?: { start: { line: number; column: number } } | undefined };
export type Say = (node: At, message: string) => void;

export function letter(i: number): string {
  return String.fromCodePoint(65 + i);
}

/**
 * Reads a task list into options. A rationale is a blockquote nested under its option (the
 * option's last block); when one option has a rationale, every option must have exactly one.
 */
export function readOptions(list: List, id: string, say: Say): { options: QuestionOption[]; bad: boolean } {
  let bad = false;
  const fail = (node: At, message: string) => {
    say(node, message);
    bad = true;
  };
  const withRationale = list.children.some((item) => item.children.some((c) => c.type === 'blockquote'));
  const options = list.children.map((item: ListItem, i): QuestionOption => {
    const quotes = item.children.filter((c): c is Blockquote => c.type === 'blockquote');
    const body = item.children.filter((c) => c.type !== 'blockquote');
    const text = plainText(body);
    const name = `Option ${letter(i)} of "${id}"${text ? ` ("${clip(text, 40)}")` : ''}`;
    if (body.length === 0) fail(item, `${name} has no text: write it after the checkbox.`);
    const rationale = quotes[0];
    if (withRationale && !rationale) {
      fail(
        item,
        `${name} has no rationale: when one option has a rationale ("  > ..." under it), every option needs one.`,
      );
    }
    if (quotes.length > 1)
      fail(quotes[1] ?? item, `${name} has ${quotes.length} rationales: write one blockquote under each option.`);
    else if (rationale && item.children[item.children.length - 1] !== rationale) {
      fail(rationale, `The rationale of ${name} must come last, after the option's text.`);
    }
    const option: QuestionOption = { html: renderNodes(body, true), text, correct: item.checked === true };
    if (rationale) {
      option.rationaleHtml = renderNodes(rationale.children, true);
      option.rationaleText = plainText(rationale.children);
    }
    return option;
  });
  return { options, bad };
}

export interface Meta {
  competency?: string | undefined;
  competencyAt?: At | undefined;
  referenceHtml?: string | undefined;
  difficulty?: 1 | 2 | 3 | undefined;
  volatileAt?: At | undefined;
  reviewed?: string | undefined;
  /** A Reviewed line was written (even a malformed one, which is reported on its own). */
  reviewedLine?: boolean | undefined;
}

/** Reads one meta line into `meta`; returns false (after saying why) when it is not valid. */
export function readMetaLine(raw: string, line: number, id: string, meta: Meta, say: Say): boolean {
  const m = META_LINE.exec(raw.trim());
  const where = { position: { start: { line, column: raw.length - raw.trimStart().length + 1 } } };
  if (!m) {
    say(
      where,
      `Unexpected text after the options of "${id}": write "Competency: id", "Reference: ...", "Difficulty: 1-3", "Volatile: yes" or "Reviewed: YYYY-MM", or move the text into the explanation.`,
    );
    return false;
  }
  const key = (m[1] ?? '').toLowerCase();
  const value = (m[2] ?? '').trim();
  if (key === 'competency') {
    meta.competency = value;
    meta.competencyAt = where;
  } else if (key === 'reference') meta.referenceHtml = renderInline(value);
  else if (key === 'difficulty') {
    if (!/^[123]$/.test(value)) {
      say(where, `The difficulty of "${id}" must be 1 (easy), 2 (medium) or 3 (hard), not "${value}".`);
      return false;
    }
    meta.difficulty = Number(value) as 1 | 2 | 3;
  } else if (key === 'volatile') {
    if (!/^(yes|no)$/i.test(value)) {
      say(
        where,
        `"Volatile:" of "${id}" must be "yes" (the answer depends on law or figures that change) or "no", not "${value}".`,
      );
      return false;
    }
    meta.volatileAt = /^yes$/i.test(value) ? where : undefined;
  } else {
    meta.reviewedLine = true;
    if (!REVIEWED.test(value)) {
      say(where, `"Reviewed:" of "${id}" must be a month written YYYY-MM, e.g. 2026-12, not "${value}".`);
      return false;
    }
    meta.reviewed = value;
  }
  return true;
}

/** A Reference line: plain text is escaped directly; only Markdown-looking text is parsed. */
function renderInline(value: string): string {
  if (!/[[\]*_`<>&\\!]|https?:|www\./.test(value)) return value.replace(/"/g, '&#x22;');
  return renderNodes(parseMarkdown(value).children, true);
}

/** True when meta lines were written straight under an option or explanation, without a blank line. */
export function hasGluedMeta(node: Blockquote | ListItem): boolean {
  const last = node.children[node.children.length - 1];
  if (last?.type === 'blockquote') return hasGluedMeta(last);
  if (last?.type !== 'paragraph') return false;
  return toString(last as Paragraph)
    .split('\n')
    .slice(1)
    .some((l) => META_LINE.test(l.trim()));
}
