// The content compiler: one pure function from source files to the compiled content and the
// complete list of problems. Used by the Vite plugin (build and dev), the content:check CLI,
// the tests and the benchmarks. It touches no file system: see load.ts for that.
import type { Blockquote, List, ListItem, Paragraph, Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown, parseQuestionMarkdown, renderNodes } from './markdown.ts';
import { htmlToText } from '../lib/text.ts';
import { readFrontmatter, schemaIssues, type Frontmatter } from './frontmatter.ts';
import { areaSchema, programSchema, questionFileSchema, rulesSchema, sessionSchema, slug, type RulesFrontmatter } from './schema.ts';
import type {
  Area,
  CompiledContent,
  ContentIssue,
  Counts,
  Program,
  Question,
  Rules,
  SessionMaterial,
  SessionMeta,
  SourceFile,
} from './types.ts';

export interface CompileResult {
  content: CompiledContent | undefined;
  issues: ContentIssue[];
}

interface Located<T> {
  file: SourceFile;
  fm: Frontmatter;
  data: T;
}

const META_LINE = /^(competency|reference|difficulty)\s*:\s*(.*)$/i;

export function compileContent(files: SourceFile[], root = 'content'): CompileResult {
  const issues: ContentIssue[] = [];
  const report = (file: SourceFile, line: number, column: number, message: string) =>
    issues.push({ path: file.path, line, column, message });

  let programFile: Located<ReturnType<typeof programSchema.parse>> | undefined;
  const areaFiles: Located<ReturnType<typeof areaSchema.parse>>[] = [];
  const sessionFiles: Located<ReturnType<typeof sessionSchema.parse>>[] = [];
  const questionFiles: Located<ReturnType<typeof questionFileSchema.parse>>[] = [];
  let sawProgram = false;
  let rulesFile: Located<RulesFrontmatter> | undefined;

  for (const file of [...files].sort((a, b) => a.relative.localeCompare(b.relative))) {
    const rel = file.relative.replace(/\\/g, '/');
    if (!rel.endsWith('.md') || rel === 'README.md') continue;
    const kind = rel === 'program.md' ? 'program'
      : rel === 'rules.md' ? 'rules'
      : /^areas\/[^/]+\.md$/.test(rel) ? 'area'
      : /^sessions\/[^/]+\.md$/.test(rel) ? 'session'
      : /^questions\/[^/]+\/[^/]+\.md$/.test(rel) ? 'questions'
      : undefined;
    if (!kind) {
      report(file, 1, 1, 'This file is not in a known place: use program.md, rules.md, areas/<id>.md, sessions/<id>.md or questions/<area>/<name>.md.');
      continue;
    }
    if (kind === 'program') sawProgram = true;
    const fm = readFrontmatter(file.path, file.text, issues);
    if (!fm) continue;
    const schema = { program: programSchema, rules: rulesSchema, area: areaSchema, session: sessionSchema, questions: questionFileSchema }[kind];
    const parsed = schema.safeParse(fm.data);
    if (!parsed.success) {
      schemaIssues(file.path, fm, parsed.error, issues);
      continue;
    }
    const stem = rel.slice(rel.lastIndexOf('/') + 1, -3);
    if ((kind === 'area' || kind === 'session') && (parsed.data as { id: string }).id !== stem) {
      const { line, column } = fm.pos(['id']);
      report(file, line, column, `The id "${(parsed.data as { id: string }).id}" must match the file name "${stem}.md".`);
    }
    if (kind === 'rules') rulesFile = { file, fm, data: parsed.data as RulesFrontmatter };
    else if (kind === 'program') programFile = { file, fm, data: parsed.data as Located<ReturnType<typeof programSchema.parse>>['data'] };
    else if (kind === 'area') areaFiles.push({ file, fm, data: parsed.data as ReturnType<typeof areaSchema.parse> });
    else if (kind === 'session') sessionFiles.push({ file, fm, data: parsed.data as ReturnType<typeof sessionSchema.parse> });
    else {
      const data = parsed.data as ReturnType<typeof questionFileSchema.parse>;
      const folder = rel.split('/')[1];
      if (data.area !== folder) {
        const { line, column } = fm.pos(['area']);
        report(file, line, column, `This file is in questions/${folder}/ but says area "${data.area}": move it or fix the area.`);
      }
      questionFiles.push({ file, fm, data });
    }
  }

  if (!sawProgram) {
    issues.push({ path: `${root}/program.md`, line: 1, column: 1, message: 'program.md is missing: it names the program, its chapter, timezone, season and exam shape.' });
  }

  // Areas: weights, unique ids across areas, sub-areas and competencies.
  const areas: Area[] = [];
  const subareaOf = new Map<string, { area: string; subarea: string }>();
  const seenIds = new Map<string, string>();
  const claim = (id: string, file: SourceFile, fm: Frontmatter, path: PropertyKey[], what: string) => {
    const { line, column } = fm.pos(path);
    const prior = seenIds.get(id);
    if (prior) {
      report(file, line, column, `Duplicate id "${id}": it is already used at ${prior}.`);
      return false;
    }
    seenIds.set(id, `${file.path}:${line}:${column} (${what})`);
    return true;
  };
  const areaIds = new Set<string>();
  for (const { file, fm, data } of areaFiles) {
    if (!claim(`area:${data.id}`, file, fm, ['id'], 'area')) continue;
    areaIds.add(data.id);
    const sum = round(data.subareas.reduce((s, x) => s + x.weight, 0));
    if (sum !== data.weight) {
      const { line, column } = fm.pos(['weight']);
      report(file, line, column, `The sub-area weights add up to ${sum}, but the area's weight is ${data.weight}: they must be equal.`);
    }
    data.subareas.forEach((sub, i) => {
      if (!claim(`sub:${sub.id}`, file, fm, ['subareas', i, 'id'], 'sub-area')) return;
      sub.competencies.forEach((c, j) => {
        if (claim(`comp:${c.id}`, file, fm, ['subareas', i, 'competencies', j, 'id'], 'competency')) {
          subareaOf.set(c.id, { area: data.id, subarea: sub.id });
        }
      });
    });
    areas.push({
      id: data.id,
      title: data.title,
      order: data.order,
      weight: data.weight,
      subareas: data.subareas,
      overviewHtml: renderMarkdown(fm),
    });
  }
  areas.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  if (areaFiles.length > 0 && areas.length === areaFiles.length) {
    const total = round(areas.reduce((s, a) => s + a.weight, 0));
    if (total !== 100) {
      const last = areaFiles[areaFiles.length - 1]!;
      const { line, column } = last.fm.pos(['weight']);
      const list = areas.map((a) => `${a.id} ${a.weight}`).join(', ');
      report(last.file, line, column, `The area weights add up to ${total}, not 100 (${list}).`);
    }
  }
  const subareaArea = new Map<string, string>();
  for (const a of areas) for (const s of a.subareas) subareaArea.set(s.id, a.id);

  // Questions.
  const questionsByArea: Record<string, Question[]> = Object.fromEntries(areas.map((a) => [a.id, []]));
  const questionAt = new Map<string, string>();
  for (const qf of questionFiles) {
    const { file, fm, data } = qf;
    if (!areaIds.has(data.area)) {
      const { line, column } = fm.pos(['area']);
      report(file, line, column, `Unknown area "${data.area}": use one of ${list(areaIds)}.`);
      continue;
    }
    if (data.subarea && subareaArea.get(data.subarea) !== data.area) {
      const { line, column } = fm.pos(['subarea']);
      report(file, line, column, `Unknown sub-area "${data.subarea}" for area "${data.area}": use one of ${list(subareasOf(areas, data.area))}.`);
      continue;
    }
    if (data.competency && subareaOf.get(data.competency)?.area !== data.area) {
      const { line, column } = fm.pos(['competency']);
      report(file, line, column, `Unknown competency "${data.competency}" for area "${data.area}".`);
      continue;
    }
    for (const q of parseQuestions(qf, report, subareaOf)) {
      const prior = questionAt.get(q.id);
      if (prior) {
        const [line, column] = q.source.split(':').slice(-2).map(Number) as [number, number];
        report(file, line, column, `Duplicate question id "${q.id}": it is already used at ${prior}. Question ids must be unique across all content.`);
        continue;
      }
      questionAt.set(q.id, q.source);
      q.source = q.source.replace(/:\d+$/, '');
      questionsByArea[data.area]!.push(q);
    }
  }

  // Sessions.
  const sessions: SessionMeta[] = [];
  const materials: Record<string, SessionMaterial> = {};
  const sessionAt = new Map<string, string>();
  for (const { file, fm, data } of sessionFiles) {
    const where = (path: PropertyKey[]) => fm.pos(path);
    const prior = sessionAt.get(data.id);
    if (prior) {
      const { line, column } = where(['id']);
      report(file, line, column, `Duplicate session id "${data.id}": it is already used at ${prior}.`);
      continue;
    }
    sessionAt.set(data.id, `${file.path}:${where(['id']).line}`);
    let ok = true;
    if (!areaIds.has(data.area)) {
      const { line, column } = where(['area']);
      report(file, line, column, `Unknown area "${data.area}": use one of ${list(areaIds)}.`);
      ok = false;
    }
    (data.subareas ?? []).forEach((s, i) => {
      if (subareaArea.get(s) !== data.area) {
        const { line, column } = where(['subareas', i]);
        report(file, line, column, `Unknown sub-area "${s}" for area "${data.area}": use one of ${list(subareasOf(areas, data.area))}.`);
        ok = false;
      }
    });
    (data.competencies ?? []).forEach((c, i) => {
      if (subareaOf.get(c)?.area !== data.area) {
        const { line, column } = where(['competencies', i]);
        report(file, line, column, `Unknown competency "${c}" for area "${data.area}".`);
        ok = false;
      }
    });
    if (fm.body.trim() === '') report(file, fm.bodyLine, 1, 'The session has no material: write it below the frontmatter.');
    if (!ok) continue;
    const all = questionsByArea[data.area] ?? [];
    const comps = new Set(data.competencies ?? []);
    const subs = new Set(data.subareas ?? []);
    // A question without a competency belongs to the session when its sub-area does.
    for (const c of comps) subs.add(subareaOf.get(c)!.subarea);
    const questionIds = all
      .filter((q) => (subs.size === 0 ? true : q.competency !== undefined && comps.size > 0 ? comps.has(q.competency) : subs.has(q.subarea)))
      .map((q) => q.id);
    sessions.push({
      id: data.id,
      title: data.title,
      area: data.area,
      subareas: data.subareas ?? [],
      competencies: data.competencies ?? [],
      speaker: data.speaker,
      date: data.date as string,
      start: data.start,
      hours: data.hours,
      location: data.location,
      questionIds,
    });
    const materialHtml = renderMarkdown(fm, file, report);
    materials[data.id] = { id: data.id, materialHtml, materialText: htmlToText(materialHtml) };
  }
  sessions.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));

  let rules: Rules | undefined;
  if (rulesFile) {
    const { file, fm, data } = rulesFile;
    const categories = new Set(data.recertification.categories.map((c) => c.id));
    for (const [area, category] of Object.entries(data.studyGroupCategories)) {
      const { line, column } = fm.pos(['studyGroupCategories', area]);
      if (!areaIds.has(area)) report(file, line, column, `Unknown area "${area}" in studyGroupCategories: use one of ${list(areaIds)}.`);
      else if (!categories.has(category)) report(file, line, column, `Unknown recertification category "${category}": use one of ${list(categories)}.`);
    }
    rules = { ...data, textHtml: renderMarkdown(fm) };
  }

  let program: Program | undefined;
  if (programFile) {
    const d = programFile.data;
    program = { ...d, season: { ...d.season, start: d.season.start as string }, welcomeHtml: renderMarkdown(programFile.fm) };
  }

  issues.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  if (issues.length > 0 || !program) return { content: undefined, issues };

  const counts: Counts = { byArea: {}, bySubarea: {}, byCompetency: {}, total: 0 };
  for (const qs of Object.values(questionsByArea)) {
    for (const q of qs) {
      counts.total++;
      counts.byArea[q.area] = (counts.byArea[q.area] ?? 0) + 1;
      counts.bySubarea[q.subarea] = (counts.bySubarea[q.subarea] ?? 0) + 1;
      if (q.competency) counts.byCompetency[q.competency] = (counts.byCompetency[q.competency] ?? 0) + 1;
    }
  }
  return { content: { index: { program, rules, areas, sessions, counts }, questionsByArea, materials }, issues };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function list(ids: Iterable<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ');
}

function subareasOf(areas: Area[], area: string): string[] {
  return areas.find((a) => a.id === area)?.subareas.map((s) => s.id) ?? [];
}

type Report = (file: SourceFile, line: number, column: number, message: string) => void;

/** Renders a file's body; checks images, which must not load anything from another origin. */
function renderMarkdown(fm: Frontmatter, file?: SourceFile, report?: Report): string {
  const tree = parseMarkdown(fm.body);
  if (file && report) checkImages(tree.children, fm.bodyLine, file, report);
  return renderNodes(tree.children);
}

function checkImages(nodes: RootContent[], bodyLine: number, file: SourceFile, report: Report): void {
  for (const node of nodes) {
    if (node.type === 'image' && /^([a-z]+:|\/\/)/i.test(node.url)) {
      const p = node.position?.start;
      report(file, (p?.line ?? 1) + bodyLine - 1, p?.column ?? 1, `Images must be files of the app, not web addresses ("${node.url}"): the app works offline and loads nothing from other sites.`);
    }
    if ('children' in node) checkImages(node.children as RootContent[], bodyLine, file, report);
  }
}

function parseQuestions(
  { file, fm, data }: Located<ReturnType<typeof questionFileSchema.parse>>,
  report: Report,
  subareaOf: Map<string, { area: string; subarea: string }>,
): Question[] {
  const tree = parseQuestionSections(fm.body);
  const lines = fm.body.split('\n');
  const posOf = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: (node.position?.start.line ?? 1) + fm.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const say = (node: Parameters<typeof posOf>[0], message: string) => {
    const { line, column } = posOf(node);
    report(file, line, column, message);
  };
  checkImages(tree.children, fm.bodyLine, file, report);

  // Group the body into sections, one per level-2 heading.
  const sections: { heading: RootContent & { type: 'heading' }; nodes: RootContent[] }[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ heading: node, nodes: [] });
    else if (sections.length === 0) say(node, 'Text before the first question: each question starts with a level-2 heading "## question-id".');
    else sections[sections.length - 1]!.nodes.push(node);
  }
  if (sections.length === 0 && tree.children.length === 0) {
    report(file, fm.bodyLine, 1, 'This question file has no questions: each starts with a level-2 heading "## question-id".');
  }

  const questions: Question[] = [];
  for (const { heading, nodes } of sections) {
    const id = toString(heading).trim();
    if (!slug.safeParse(id).success) {
      say(heading, `The question id "${id}" must be lowercase letters, digits and hyphens, e.g. "trust-three-way-reconciliation".`);
      continue;
    }
    const listIndex = nodes.findIndex((n) => n.type === 'list');
    const optionsList = listIndex >= 0 ? (nodes[listIndex] as List) : undefined;
    if (!optionsList || !optionsList.children.some((item) => typeof item.checked === 'boolean')) {
      say(heading, `Question "${id}" has no options: list them as a task list, "- [x]" for a correct option and "- [ ]" for a wrong one.`);
      continue;
    }
    const stem = nodes.slice(0, listIndex);
    if (stem.length === 0) {
      say(heading, `Question "${id}" has no question text: write it between the heading and the options.`);
      continue;
    }
    let bad = false;
    const unmarked = optionsList.children.find((item) => typeof item.checked !== 'boolean');
    if (unmarked) {
      say(unmarked, `An option of question "${id}" has no checkbox: start every option with "- [ ]" or "- [x]".`);
      bad = true;
    }
    if (optionsList.children.length < 2) {
      say(optionsList, `Question "${id}" has only one option: give at least two.`);
      bad = true;
    }
    const correct = optionsList.children.filter((item) => item.checked === true).length;
    if (correct === 0) {
      say(optionsList, `Question "${id}" has no correct option: mark at least one option with "- [x]".`);
      bad = true;
    }
    const lastOption = optionsList.children[optionsList.children.length - 1];
    if (lastOption && hasGluedMeta(lastOption)) {
      say(lastOption, `Leave a blank line between the last option of "${id}" and its Competency/Reference/Difficulty lines.`);
      bad = true;
    }

    let explanation: Blockquote | undefined;
    let competency = data.competency;
    let competencyAt: Parameters<typeof posOf>[0] = heading;
    let referenceHtml: string | undefined;
    let difficulty: 1 | 2 | 3 | undefined;
    for (const node of nodes.slice(listIndex + 1)) {
      if (node.type === 'blockquote' && !explanation && !referenceHtml && !difficulty) {
        explanation = node;
        if (hasGluedMeta(node)) {
          say(node, `Leave a blank line between the explanation of "${id}" and its Competency/Reference/Difficulty lines.`);
          bad = true;
        }
        continue;
      }
      if (node.type !== 'paragraph') {
        say(node, `Unexpected ${describe(node)} after the options of "${id}": only an explanation ("> ...") and Competency/Reference/Difficulty lines may follow.`);
        bad = true;
        continue;
      }
      const first = node.position?.start.line ?? 1;
      const last = node.position?.end.line ?? first;
      for (let ln = first; ln <= last; ln++) {
        const raw = lines[ln - 1] ?? '';
        const m = META_LINE.exec(raw.trim());
        const where = { position: { start: { line: ln, column: raw.length - raw.trimStart().length + 1 } } };
        if (!m) {
          say(where, `Unexpected text after the options of "${id}": write "Competency: id", "Reference: ..." or "Difficulty: 1-3", or move the text into the explanation.`);
          bad = true;
          continue;
        }
        const key = m[1]!.toLowerCase();
        const value = m[2]!.trim();
        if (key === 'competency') {
          competency = value;
          competencyAt = where;
        }
        else if (key === 'reference') referenceHtml = renderInline(value);
        else if (/^[123]$/.test(value)) difficulty = Number(value) as 1 | 2 | 3;
        else {
          say(where, `The difficulty of "${id}" must be 1 (easy), 2 (medium) or 3 (hard), not "${value}".`);
          bad = true;
        }
      }
    }

    let subarea = data.subarea;
    if (competency !== undefined) {
      const owner = subareaOf.get(competency);
      if (owner?.area !== data.area) {
        const known = [...subareaOf].filter(([, o]) => o.area === data.area).map(([c]) => c);
        say(competencyAt, `Question "${id}" names an unknown competency "${competency}" for area "${data.area}": use one of ${list(known)}.`);
        bad = true;
      } else subarea = owner.subarea;
    }
    if (!subarea && !bad) {
      say(heading, `Question "${id}" has no sub-area: add a "Competency:" line, or a "subarea" to the file's frontmatter.`);
      bad = true;
    }
    if (bad || !subarea) continue;
    const { line } = posOf(heading);
    questions.push({
      id,
      area: data.area,
      subarea,
      competency,
      stemHtml: renderNodes(stem),
      stemText: stem.map((n) => toString(n)).join('\n').trim(),
      options: optionsList.children.map((item: ListItem) => ({ html: renderNodes(item.children, true), correct: item.checked === true })),
      multi: correct > 1,
      explanationHtml: explanation ? renderNodes(explanation.children) : undefined,
      referenceHtml,
      difficulty,
      source: `${file.path}:${line}:${posOf(heading).column}`,
    });
  }
  return questions;
}

/** A Reference line: plain text is escaped directly; only Markdown-looking text is parsed. */
function renderInline(value: string): string {
  if (!/[[\]*_`<>&\\!]|https?:|www\./.test(value)) return value.replace(/"/g, '&#x22;');
  return renderNodes(parseMarkdown(value).children, true);
}

/**
 * Parses a question file's body one question at a time (micromark is markedly faster on many
 * small documents than on one large one), shifting positions back to the whole body's lines.
 */
function parseQuestionSections(body: string): MdastRoot {
  const lines = body.split('\n');
  const starts: number[] = [0];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1]![0] : line.trimStart().startsWith(fence) ? undefined : fence;
    else if (fence === undefined && i > 0 && /^## /.test(line)) starts.push(i);
  });
  const root: MdastRoot = { type: 'root', children: [] };
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const tree = parseQuestionMarkdown(lines.slice(start, end).join('\n'));
    if (start > 0) shiftLines(tree, start);
    root.children.push(...tree.children);
  });
  return root;
}

function shiftLines(node: { position?: { start: { line: number }; end: { line: number } } | undefined; children?: unknown[] }, by: number): void {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  if (node.children) for (const child of node.children) shiftLines(child as Parameters<typeof shiftLines>[0], by);
}

function hasGluedMeta(node: Blockquote | ListItem): boolean {
  const last = node.children[node.children.length - 1];
  if (!last || last.type !== 'paragraph') return false;
  return toString(last as Paragraph).split('\n').slice(1).some((l) => META_LINE.test(l.trim()));
}

function describe(node: RootContent): string {
  switch (node.type) {
    case 'list': return 'second list';
    case 'blockquote': return 'second explanation';
    case 'heading': return 'heading';
    case 'code': return 'code block';
    case 'table': return 'table';
    default: return node.type;
  }
}
