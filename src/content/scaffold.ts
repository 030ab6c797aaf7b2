// Scaffolding new content files from the templates in content/templates/ (the ones the in-app
// editor will start from too): fills {{placeholders}}, and reads from the existing content what
// a new file needs (the areas with their sub-areas and competencies, ids already in use, the
// last session's date). Pure: callers pass the files in.
import { readFrontmatter } from './frontmatter.ts';
import { areaSchema, slug } from './schema.ts';
import type { SourceFile } from './types.ts';

export const TEMPLATE_FILES = { session: 'session.md.tmpl', questions: 'questions.md.tmpl' } as const;

/** Replaces every {{name}}; a placeholder with no value is an error (a template bug). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The template needs a value for {{${name}}}.`);
    return value;
  });
}

export interface AreaInfo {
  id: string;
  order: number;
  subareas: { id: string; competencies: string[] }[];
}

/** The areas of a content folder, in order (files that do not parse are left out). */
export function areasOf(files: SourceFile[]): AreaInfo[] {
  const out: AreaInfo[] = [];
  for (const f of files) {
    if (!/^areas\/[^/]+\.md$/.test(f.relative)) continue;
    const fm = readFrontmatter(f.path, f.text, []);
    const parsed = fm && areaSchema.safeParse(fm.data);
    if (!parsed?.success) continue;
    const a = parsed.data;
    out.push({
      id: a.id,
      order: a.order,
      subareas: a.subareas.map((s) => ({ id: s.id, competencies: s.competencies.map((c) => c.id) })),
    });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Every question id of the content's question files (the "## id" headings). */
export function questionIdsOf(files: SourceFile[]): Set<string> {
  const ids = new Set<string>();
  for (const f of files) {
    if (!f.relative.startsWith('questions/')) continue;
    for (const m of f.text.matchAll(/^## +(\S+)\s*$/gm)) if (m[1]) ids.add(m[1]);
  }
  return ids;
}

/** Checks an id given on the command line; returns the message when it is not one. */
export function badId(id: string | undefined, what: string): string | undefined {
  if (id === undefined || id === '') return `Give the ${what}.`;
  return slug.safeParse(id).success
    ? undefined
    : `The ${what} "${id}" must be lowercase letters, digits and hyphens, e.g. trust-accounting.`;
}

export function sessionValues(id: string, area: AreaInfo, files: SourceFile[], date?: string): Record<string, string> {
  const dates = files
    .filter((f) => /^sessions\/[^/]+\.md$/.test(f.relative))
    .map((f) => /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(f.text)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort();
  const last = dates.at(-1);
  return {
    id,
    title: id
      .split('-')
      .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
      .join(' '),
    area: area.id,
    subarea: area.subareas[0]?.id ?? '',
    speaker: 'Your Name',
    date: date ?? (last ? addDays(last, 7) : new Date().toISOString().slice(0, 10)),
  };
}

export function questionValues(name: string, area: AreaInfo, subarea?: string): Record<string, string> {
  return { area: area.id, subarea: subarea ?? area.subareas[0]?.id ?? '', id: `${name}-first-question` };
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
