// npm run content:check [dir ...]: validates content without building the app.
// With several folders, later ones override files of the same path (used by test fixtures).
import { compileContent } from '../src/content/compile';
import { formatIssues, readContentDirs } from '../src/content/load';
import { staleReviews } from '../src/content/reviews';

const dirs = process.argv.slice(2);
const started = performance.now();
const { content, issues } = compileContent(
  readContentDirs(dirs.length > 0 ? dirs : ['content']),
  dirs.at(-1) ?? 'content',
);
if (issues.length > 0) {
  console.error(formatIssues(issues));
  console.error(
    `\n${issues.length === 1 ? '1 problem' : `${issues.length} problems`} found. Fix ${issues.length === 1 ? 'it' : 'them'} and run npm run content:check again.`,
  );
  process.exit(1);
}
// Review dates older than 12 months are warnings: the content still builds.
const today = process.env.CONTENT_TODAY ?? new Date().toISOString().slice(0, 10);
const warnings = staleReviews(Object.values(content!.questionsByArea).flat(), today);
for (const w of warnings) console.warn(`warning: ${w.source} ${w.message}`);
const c = content!.index;
console.log(
  `Content OK: ${c.areas.length} areas, ${c.sessions.length} sessions (${c.sessions.reduce((s, x) => s + x.hours, 0)} hours), ${c.counts.total} questions, in ${Math.round(performance.now() - started)} ms${warnings.length > 0 ? `; ${warnings.length} review${warnings.length === 1 ? '' : 's'} to renew` : ''}.`,
);
