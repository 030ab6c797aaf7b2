// Question files: one level-2 heading per question, then the stem, the options as a task list
// (each with an optional rationale), an optional explanation and the meta lines. The format is
// documented in content/README.md.
import type { Blockquote, List, Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseQuestionMarkdown, renderNodes } from './markdown.ts';
import { plainText } from './plain.ts';
import { checkImages, list, type Report } from './body.ts';
import { hasGluedMeta, readMetaLine, readOptions, type Meta, type Say } from './question-parts.ts';
import type { Frontmatter } from './frontmatter.ts';
import { slug } from './schema.ts';
import type { Question, SourceFile } from './types.ts';

export interface QuestionFile {
  file: SourceFile;
  fm: Frontmatter;
  data: { area: string; subarea?: string | undefined; competency?: string | undefined };
}

export type SubareaOf = Map<string, { area: string; subarea: string }>;

export function parseQuestions({ file, fm, data }: QuestionFile, report: Report, subareaOf: SubareaOf): Question[] {
  const tree = parseQuestionSections(fm.body);
  const lines = fm.body.split('\n');
  const posOf = (node: Parameters<Say>[0]) => ({
    line: (node.position?.start.line ?? 1) + fm.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const say: Say = (node, message) => {
    const { line, column } = posOf(node);
    report(file, line, column, message);
  };
  checkImages(tree.children, fm.bodyLine, file, report);

  // Group the body into sections, one per level-2 heading.
  const sections: { heading: RootContent & { type: 'heading' }; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
    else {
      const current = sections.at(-1);
      if (current) current.nodes.push(node);
      else say(node, 'Text before the first question: each question starts with a level-2 heading "## question-id".');
    }
  }
  if (sections.length === 0 && tree.children.length === 0) {
    report(
      file,
      fm.bodyLine,
      1,
      'This question file has no questions: each starts with a level-2 heading "## question-id".',
    );
  }

  const questions: Question[] = [];
  for (const { heading, nodes } of sections) {
    const id = toString(heading).trim();
    if (!slug.safeParse(id).success) {
      say(
        heading,
        `The question id "${id}" must be lowercase letters, digits and hyphens, e.g. "trust-three-way-reconciliation".`,
      );
      continue;
    }
    const listIndex = nodes.findIndex((n) => n.type === 'list');
    const optionsList = listIndex >= 0 ? (nodes[listIndex] as List) : undefined;
    if (!optionsList || !optionsList.children.some((item) => typeof item.checked === 'boolean')) {
      say(
        heading,
        `Question "${id}" has no options: list them as a task list, "- [x]" for a correct option and "- [ ]" for a wrong one.`,
      );
      continue;
    }
    const stem = nodes.slice(0, listIndex);
    if (stem.length === 0) {
      say(heading, `Question "${id}" has no question text: write it between the heading and the options.`);
      continue;
    }
    let bad = false;
    const fail = (node: Parameters<Say>[0], message: string) => {
      say(node, message);
      bad = true;
    };
    const unmarked = optionsList.children.find((item) => typeof item.checked !== 'boolean');
    if (unmarked)
      fail(unmarked, `An option of question "${id}" has no checkbox: start every option with "- [ ]" or "- [x]".`);
    if (optionsList.children.length < 2) fail(optionsList, `Question "${id}" has only one option: give at least two.`);
    const correct = optionsList.children.filter((item) => item.checked === true).length;
    if (correct === 0)
      fail(optionsList, `Question "${id}" has no correct option: mark at least one option with "- [x]".`);
    const lastOption = optionsList.children.at(-1);
    if (lastOption && hasGluedMeta(lastOption)) {
      fail(
        lastOption,
        `Leave a blank line between the last option of "${id}" and its Competency/Reference/Difficulty lines.`,
      );
    }
    const read = readOptions(optionsList, id, say);
    if (read.bad) bad = true;

    let explanation: Blockquote | undefined;
    const meta: Meta = { competency: data.competency, competencyAt: heading };
    let sawMeta = false;
    for (const node of nodes.slice(listIndex + 1)) {
      if (node.type === 'blockquote' && !explanation && !sawMeta) {
        explanation = node;
        if (hasGluedMeta(node)) {
          fail(
            node,
            `Leave a blank line between the explanation of "${id}" and its Competency/Reference/Difficulty lines.`,
          );
        }
        continue;
      }
      if (node.type !== 'paragraph') {
        fail(
          node,
          `Unexpected ${describe(node)} after the options of "${id}": only an explanation ("> ...") and Competency/Reference/Difficulty lines may follow.`,
        );
        continue;
      }
      sawMeta = true;
      const first = node.position?.start.line ?? 1;
      const last = node.position?.end.line ?? first;
      for (let ln = first; ln <= last; ln++) {
        if (!readMetaLine(lines[ln - 1] ?? '', ln, id, meta, say)) bad = true;
      }
    }
    if (meta.volatileAt && !meta.reviewedLine) {
      fail(
        meta.volatileAt,
        `Question "${id}" is marked "Volatile: yes" but has no "Reviewed: YYYY-MM" line: add the month its facts were last checked.`,
      );
    }

    let subarea = data.subarea;
    if (meta.competency !== undefined) {
      const owner = subareaOf.get(meta.competency);
      if (owner?.area === data.area) subarea = owner.subarea;
      else {
        const known = [...subareaOf].filter(([, o]) => o.area === data.area).map(([c]) => c);
        fail(
          meta.competencyAt ?? heading,
          `Question "${id}" names an unknown competency "${meta.competency}" for area "${data.area}": use one of ${list(known)}.`,
        );
      }
    }
    if (!subarea && !bad)
      fail(
        heading,
        `Question "${id}" has no sub-area: add a "Competency:" line, or a "subarea" to the file's frontmatter.`,
      );
    if (bad || !subarea) continue;
    const at = posOf(heading);
    const stemText = plainText(stem);
    questions.push({
      id,
      area: data.area,
      subarea,
      competency: meta.competency,
      stemHtml: renderNodes(stem),
      stemText,
      options: read.options,
      // A stem that says "choose all that apply" is a choose-all item even with one correct option.
      multi: correct > 1 || /choose all that apply/i.test(stemText),
      explanationHtml: explanation ? renderNodes(explanation.children) : undefined,
      explanationText: explanation ? plainText(explanation.children) : undefined,
      referenceHtml: meta.referenceHtml,
      difficulty: meta.difficulty,
      ...(meta.volatileAt ? { volatile: true } : {}),
      ...(meta.reviewed ? { reviewed: meta.reviewed } : {}),
      source: `${file.path}:${at.line}:${at.column}`,
    });
  }
  return questions;
}

/**
 * Parses a question file's body one question at a time (micromark is markedly faster on many
 * small documents than on one large one), shifting positions back to the whole body's lines.
 */
// Parsed sections, by their text and first line: the Author page checks the whole draft on
// every keystroke, and only the section being typed in has changed. Trees are only read after
// parsing (rendering makes new HTML trees), so one tree can serve every check. Bounded, oldest out.
const sectionCache = new Map<string, MdastRoot>();
const SECTION_CACHE_MAX = 5000;

function parseSection(text: string, start: number): MdastRoot {
  const key = `${start}\n${text}`;
  const hit = sectionCache.get(key);
  if (hit) return hit;
  const tree = parseQuestionMarkdown(text);
  if (start > 0) shiftLines(tree, start);
  if (sectionCache.size >= SECTION_CACHE_MAX) sectionCache.delete(sectionCache.keys().next().value as string);
  sectionCache.set(key, tree);
  return tree;
}

/** A question file's body parsed one "## id" section at a time (a fenced block never splits). */
export function parseQuestionSections(body: string): MdastRoot {
  const lines = body.split('\n');
  const starts: number[] = [0];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1]?.[0] : line.trimStart().startsWith(fence) ? undefined : fence;
    else if (fence === undefined && i > 0 && line.startsWith('## ')) starts.push(i);
  });
  const root: MdastRoot = { type: 'root', children: [] };
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    root.children.push(...parseSection(lines.slice(start, end).join('\n'), start).children);
  });
  return root;
}

type Positioned = { position?: { start: { line: number }; end: { line: number } } | undefined; children?: unknown[] };

function shiftLines(node: Positioned, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  if (node.children) for (const child of node.children) shiftLines(child as Positioned, by);
}

function describe(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return 'second list';
    case 'blockquote':
      return 'second explanation';
    case 'code':
      return 'code block';
    default:
      return node.type;
  }
}
