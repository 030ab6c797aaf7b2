// Reading the content folder's files: which kind each is (by its place), its frontmatter parsed
// and checked against the kind's schema, every problem reported at its line and column.
import { readFrontmatter, schemaIssues, type Frontmatter } from './frontmatter.ts';
import {
  areaSchema,
  programSchema,
  questionFileSchema,
  rulesSchema,
  sessionSchema,
  type RulesFrontmatter,
} from './schema.ts';
import type { Report } from './body.ts';
import type { QuestionFile } from './questions.ts';
import type { SessionFile } from './sessions.ts';
import type { ContentIssue, SourceFile } from './types.ts';

export interface Located<T> {
  file: SourceFile;
  fm: Frontmatter;
  data: T;
}

export function readFiles(files: SourceFile[], report: Report, issues: ContentIssue[]) {
  let programFile: Located<ReturnType<typeof programSchema.parse>> | undefined;
  const areaFiles: Located<ReturnType<typeof areaSchema.parse>>[] = [];
  const sessionFiles: SessionFile[] = [];
  const questionFiles: QuestionFile[] = [];
  let sawProgram = false;
  let rulesFile: Located<RulesFrontmatter> | undefined;

  for (const file of [...files].sort((a, b) => a.relative.localeCompare(b.relative))) {
    const rel = file.relative.replace(/\\/g, '/');
    if (!rel.endsWith('.md') || rel === 'README.md') continue;
    const kind =
      rel === 'program.md'
        ? 'program'
        : rel === 'rules.md'
          ? 'rules'
          : /^areas\/[^/]+\.md$/.test(rel)
            ? 'area'
            : /^sessions\/[^/]+\.md$/.test(rel)
              ? 'session'
              : /^questions\/[^/]+\/[^/]+\.md$/.test(rel)
                ? 'questions'
                : undefined;
    if (!kind) {
      report(
        file,
        1,
        1,
        'This file is not in a known place: use program.md, rules.md, areas/<id>.md, sessions/<id>.md or questions/<area>/<name>.md.',
      );
      continue;
    }
    if (kind === 'program') sawProgram = true;
    const fm = readFrontmatter(file.path, file.text, issues);
    if (!fm) continue;
    const schema = {
      program: programSchema,
      rules: rulesSchema,
      area: areaSchema,
      session: sessionSchema,
      questions: questionFileSchema,
    }[kind];
    const parsed = schema.safeParse(fm.data);
    if (!parsed.success) {
      schemaIssues(file.path, fm, parsed.error, issues);
      continue;
    }
    const stem = rel.slice(rel.lastIndexOf('/') + 1, -3);
    if ((kind === 'area' || kind === 'session') && (parsed.data as { id: string }).id !== stem) {
      const { line, column } = fm.pos(['id']);
      report(
        file,
        line,
        column,
        `The id "${(parsed.data as { id: string }).id}" must match the file name "${stem}.md".`,
      );
    }
    if (kind === 'rules') rulesFile = { file, fm, data: parsed.data as RulesFrontmatter };
    else if (kind === 'program')
      programFile = { file, fm, data: parsed.data as Located<ReturnType<typeof programSchema.parse>>['data'] };
    else if (kind === 'area') areaFiles.push({ file, fm, data: parsed.data as ReturnType<typeof areaSchema.parse> });
    else if (kind === 'session')
      sessionFiles.push({ file, fm, data: parsed.data as ReturnType<typeof sessionSchema.parse> });
    else {
      const data = parsed.data as ReturnType<typeof questionFileSchema.parse>;
      const folder = rel.split('/')[1];
      if (data.area !== folder) {
        const { line, column } = fm.pos(['area']);
        report(
          file,
          line,
          column,
          `This file is in questions/${folder}/ but says area "${data.area}": move it or fix the area.`,
        );
      }
      questionFiles.push({ file, fm, data });
    }
  }
  return { programFile, areaFiles, sessionFiles, questionFiles, rulesFile, sawProgram };
}
