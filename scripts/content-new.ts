// npm run content:new -- session <id> [--area <area>] [--date YYYY-MM-DD]
// npm run content:new -- questions <area> <name> [--subarea <id>]
// Scaffolds a new content file from content/templates/ (the templates the in-app editor will
// start from), refuses to overwrite an existing file, and checks the result with the compiler.
// --content <dir> works on another content folder (the tests use a copy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areasOf, badId, fillTemplate, questionValues, sessionValues, TEMPLATE_FILES } from '../src/content/scaffold';
import { checkNewFile, contentFiles, fail, parseArgs, writeNew } from './content-cli';

const USAGE = `Usage:
  npm run content:new -- session <id> [--area <area>] [--date YYYY-MM-DD]
  npm run content:new -- questions <area> <name> [--subarea <sub-area>]`;

const { positional, flags } = parseArgs(process.argv.slice(2));
const [kind, a, b] = positional;
const dir = flags.content ?? 'content';
const template = (k: keyof typeof TEMPLATE_FILES) =>
  readFileSync(new URL(`../content/templates/${TEMPLATE_FILES[k]}`, import.meta.url), 'utf8');
const files = contentFiles(dir);
const areas = areasOf(files);
const findArea = (id: string) =>
  areas.find((x) => x.id === id) ?? fail(`Unknown area "${id}": use one of ${areas.map((x) => x.id).join(', ')}.`);

let path: string;
let text: string;
if (kind === 'session') {
  const problem = badId(a, 'session id');
  if (problem) fail(`${problem}\n\n${USAGE}`);
  const area = flags.area ? findArea(flags.area) : (areas[0] ?? fail(`${dir} has no areas yet.`));
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) fail('--date must be YYYY-MM-DD.');
  path = join(dir, 'sessions', `${a}.md`);
  text = fillTemplate(template('session'), sessionValues(a!, area, files, flags.date));
} else if (kind === 'questions') {
  const problem = badId(a, 'area') ?? badId(b, 'file name');
  if (problem) fail(`${problem}\n\n${USAGE}`);
  const area = findArea(a!);
  if (flags.subarea && !area.subareas.some((s) => s.id === flags.subarea))
    fail(
      `Unknown sub-area "${flags.subarea}" for area "${a}": use one of ${area.subareas.map((s) => s.id).join(', ')}.`,
    );
  path = join(dir, 'questions', a!, `${b}.md`);
  text = fillTemplate(template('questions'), questionValues(b!, area, flags.subarea));
} else fail(USAGE);

writeNew(path, text);
const problems = checkNewFile(dir, path);
if (problems > 0) process.exit(1);
console.log(`Created ${path}. Edit it, then run npm run content:check.`);
