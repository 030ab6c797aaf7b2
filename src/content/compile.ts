// The content compiler: one pure function from source files to the compiled content and the
// complete list of problems. Used by the Vite plugin (build and dev), the content:check CLI,
// the tests and the benchmarks. It touches no file system: see load.ts for that.
import type { Frontmatter } from './frontmatter.ts';
import { readFiles } from './files.ts';
import { list, renderBody, type Report } from './body.ts';
import { parseQuestions, type SubareaOf } from './questions.ts';
import { compileSessions } from './sessions.ts';
import type { Area, CompiledContent, ContentIssue, Counts, Program, Question, Rules, SourceFile } from './types.ts';

export interface CompileResult {
  content: CompiledContent | undefined;
  issues: ContentIssue[];
}

export function compileContent(files: SourceFile[], root = 'content'): CompileResult {
  const issues: ContentIssue[] = [];
  const report: Report = (file: SourceFile, line: number, column: number, message: string) =>
    issues.push({ path: file.path, line, column, message });

  const { programFile, areaFiles, sessionFiles, questionFiles, rulesFile, sawProgram } = readFiles(
    files,
    report,
    issues,
  );

  if (!sawProgram) {
    issues.push({
      path: `${root}/program.md`,
      line: 1,
      column: 1,
      message: 'program.md is missing: it names the program, its chapter, timezone, season and exam shape.',
    });
  }

  // Areas: weights, unique ids across areas, sub-areas and competencies.
  const areas: Area[] = [];
  const subareaOf: SubareaOf = new Map();
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
      report(
        file,
        line,
        column,
        `The sub-area weights add up to ${sum}, but the area's weight is ${data.weight}: they must be equal.`,
      );
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
      overviewHtml: renderBody(fm, file, report).html,
    });
  }
  areas.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  if (areaFiles.length > 0 && areas.length === areaFiles.length) {
    const total = round(areas.reduce((s, a) => s + a.weight, 0));
    const last = areaFiles.at(-1);
    if (total !== 100 && last) {
      const { line, column } = last.fm.pos(['weight']);
      const weights = areas.map((a) => `${a.id} ${a.weight}`).join(', ');
      report(last.file, line, column, `The area weights add up to ${total}, not 100 (${weights}).`);
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
      report(
        file,
        line,
        column,
        `Unknown sub-area "${data.subarea}" for area "${data.area}": use one of ${list(areas.find((a) => a.id === data.area)?.subareas.map((s) => s.id) ?? [])}.`,
      );
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
        report(
          file,
          line,
          column,
          `Duplicate question id "${q.id}": it is already used at ${prior}. Question ids must be unique across all content.`,
        );
        continue;
      }
      questionAt.set(q.id, q.source);
      q.source = q.source.replace(/:\d+$/, '');
      (questionsByArea[data.area] ??= []).push(q);
    }
  }

  const { sessions, materials } = compileSessions(
    sessionFiles,
    { areas, areaIds, subareaArea, subareaOf, questionsByArea },
    report,
  );

  let rules: Rules | undefined;
  if (rulesFile) {
    const { file, fm, data } = rulesFile;
    const categories = new Set(data.recertification.categories.map((c) => c.id));
    for (const [area, category] of Object.entries(data.studyGroupCategories)) {
      const { line, column } = fm.pos(['studyGroupCategories', area]);
      if (!areaIds.has(area))
        report(file, line, column, `Unknown area "${area}" in studyGroupCategories: use one of ${list(areaIds)}.`);
      else if (!categories.has(category))
        report(file, line, column, `Unknown recertification category "${category}": use one of ${list(categories)}.`);
    }
    rules = { ...data, textHtml: renderBody(fm, file, report).html };
  }

  let program: Program | undefined;
  if (programFile) {
    const d = programFile.data;
    program = {
      ...d,
      season: { ...d.season, start: d.season.start as string },
      welcomeHtml: renderBody(programFile.fm, programFile.file, report).html,
    };
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
