// Session files: checks each session's area, sub-areas and competencies, picks the questions
// its practice draws on and renders its material.
import { list, renderBody, type Report } from './body.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { SessionFrontmatter } from './schema.ts';
import type { Area, Question, SessionMaterial, SessionMeta, SourceFile } from './types.ts';
import type { SubareaOf } from './questions.ts';

export interface SessionFile {
  file: SourceFile;
  fm: Frontmatter;
  data: SessionFrontmatter;
}

interface Known {
  areas: Area[];
  areaIds: Set<string>;
  subareaArea: Map<string, string>;
  subareaOf: SubareaOf;
  questionsByArea: Record<string, Question[]>;
}

export function compileSessions(
  files: SessionFile[],
  known: Known,
  report: Report,
): { sessions: SessionMeta[]; materials: Record<string, SessionMaterial> } {
  const { areas, areaIds, subareaArea, subareaOf, questionsByArea } = known;
  const subareasOf = (area: string) => areas.find((a) => a.id === area)?.subareas.map((s) => s.id) ?? [];
  const sessions: SessionMeta[] = [];
  const materials: Record<string, SessionMaterial> = {};
  const sessionAt = new Map<string, string>();
  for (const { file, fm, data } of files) {
    const say = (path: PropertyKey[], message: string) => {
      const { line, column } = fm.pos(path);
      report(file, line, column, message);
    };
    const prior = sessionAt.get(data.id);
    if (prior) {
      say(['id'], `Duplicate session id "${data.id}": it is already used at ${prior}.`);
      continue;
    }
    sessionAt.set(data.id, `${file.path}:${fm.pos(['id']).line}`);
    let ok = true;
    if (!areaIds.has(data.area)) {
      say(['area'], `Unknown area "${data.area}": use one of ${list(areaIds)}.`);
      ok = false;
    }
    (data.subareas ?? []).forEach((s, i) => {
      if (subareaArea.get(s) !== data.area) {
        say(
          ['subareas', i],
          `Unknown sub-area "${s}" for area "${data.area}": use one of ${list(subareasOf(data.area))}.`,
        );
        ok = false;
      }
    });
    (data.competencies ?? []).forEach((c, i) => {
      if (subareaOf.get(c)?.area !== data.area) {
        say(['competencies', i], `Unknown competency "${c}" for area "${data.area}".`);
        ok = false;
      }
    });
    if (fm.body.trim() === '')
      report(file, fm.bodyLine, 1, 'The session has no material: write it below the frontmatter.');
    if (!ok) continue;
    const all = questionsByArea[data.area] ?? [];
    const comps = new Set(data.competencies ?? []);
    const subs = new Set(data.subareas ?? []);
    // A question without a competency belongs to the session when its sub-area does.
    for (const c of comps) {
      const owner = subareaOf.get(c);
      if (owner) subs.add(owner.subarea);
    }
    const questionIds = all
      .filter((q) =>
        subs.size === 0
          ? true
          : q.competency !== undefined && comps.size > 0
            ? comps.has(q.competency)
            : subs.has(q.subarea),
      )
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
      questionCount: questionIds.length,
    });
    const { html, text } = renderBody(fm, file, report);
    materials[data.id] = { id: data.id, materialHtml: html, materialText: text, questionIds };
  }
  sessions.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));
  return { sessions, materials };
}
