// Splits a content file into its YAML frontmatter and Markdown body, parses the YAML with
// positions, and maps a schema issue's path back to the line and column of its node.
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from './types.ts';

export interface Frontmatter {
  data: unknown;
  /** Line (1-based) where the Markdown body starts. */
  bodyLine: number;
  body: string;
  /** Position of the node at `path` (or its nearest existing parent). */
  pos(path: readonly PropertyKey[]): { line: number; column: number };
}

const FENCE = /^---[ \t]*$/;

export function readFrontmatter(path: string, text: string, issues: ContentIssue[]): Frontmatter | undefined {
  const src = text.replace(/^\uFEFF/, '');
  if (src.trim() === '') {
    issues.push({
      path,
      line: 1,
      column: 1,
      message: 'The file is empty: it needs a frontmatter block between --- lines, then Markdown.',
    });
    return undefined;
  }
  const lines = src.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    issues.push({
      path,
      line: 1,
      column: 1,
      message: 'The file must start with a frontmatter block: a line "---", the settings, then another "---".',
    });
    return undefined;
  }
  const close = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  if (close < 0) {
    issues.push({
      path,
      line: 1,
      column: 1,
      message: 'The frontmatter block is never closed: add a line "---" after the settings.',
    });
    return undefined;
  }
  const yamlText = lines.slice(1, close).join('\n');
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + 1, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const { line, column } = at(err.pos[0]);
      issues.push({ path, line, column, message: `YAML error: ${yamlMessage(err.message)}` });
    }
    return undefined;
  }
  const data: unknown = doc.toJS() ?? {};
  const frontStart = { line: 1, column: 1 };
  const pos = (p: readonly PropertyKey[]) => {
    const keys = p.filter((k): k is string | number => typeof k === 'string' || typeof k === 'number');
    for (let n = keys.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true)) as Node | null | undefined;
      // A missing key points at the map that lacks it; an existing one at its value.
      if (node?.range) return at(node.range[0]);
    }
    return frontStart;
  };
  return { data, bodyLine: close + 2, body: lines.slice(close + 1).join('\n'), pos };
}

function yamlMessage(message: string): string {
  // yaml's messages end with a code excerpt when prettyErrors is on; keep the first sentence.
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? message;
}

/** Turns zod issues into content issues placed at the offending field. */
export function schemaIssues(path: string, fm: Frontmatter, error: z.ZodError, issues: ContentIssue[]): void {
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    let message: string;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join('", "');
      const where = field ? `"${field}"` : 'the frontmatter';
      message = `Unknown field "${keys}" in ${where}: check the spelling (see content/README.md).`;
      const { line, column } = fm.pos([...issue.path, issue.keys[0] ?? '']);
      issues.push({ path, line, column, message });
      continue;
    }
    const missing = issue.code === 'invalid_type' && getPath(fm.data, issue.path) === undefined;
    message = missing ? `Missing required field "${field}".` : `"${field}" ${issue.message}.`;
    const { line, column } = fm.pos(issue.path);
    issues.push({ path, line, column, message });
  }
}

function getPath(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
