// npm run content:import -- gift|aiken <file> <area> <name> [--subarea <id>] [--content <dir>]
// Converts a Moodle GIFT or Aiken bank into content/questions/<area>/<name>.md, prints what
// was not supported, changed or malformed (by line), refuses to overwrite a file, and checks
// the new file with the build's compiler.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BANK_FORMATS, importBank, importReport, type BankFormat } from '../src/content/banks/index';
import { areasOf, badId, questionIdsOf } from '../src/content/scaffold';
import { checkNewFile, contentFiles, fail, parseArgs, writeNew } from './content-cli';

const USAGE = 'Usage: npm run content:import -- gift|aiken <file> <area> <name> [--subarea <sub-area>]';
const { positional, flags } = parseArgs(process.argv.slice(2));
const [format, source, areaId, name] = positional;
if (!BANK_FORMATS.includes(format as BankFormat) || !source) fail(USAGE);
const problem = badId(areaId, 'area') ?? badId(name, 'file name');
if (problem) fail(`${problem}\n\n${USAGE}`);
const dir = flags.content ?? 'content';
const files = contentFiles(dir);
const area = areasOf(files).find((a) => a.id === areaId) ?? fail(`Unknown area "${areaId}".`);
let subarea = flags.subarea;
if (subarea && !area.subareas.some((s) => s.id === subarea))
  fail(`Unknown sub-area "${subarea}" for area "${areaId}": use one of ${area.subareas.map((s) => s.id).join(', ')}.`);
if (!subarea && area.subareas.length === 1) subarea = area.subareas[0]?.id;
const path = join(dir, 'questions', areaId!, `${name}.md`);

let text: string;
try {
  text = readFileSync(source, 'utf8');
} catch {
  fail(`Cannot read ${source}.`);
}
const result = importBank(format as BankFormat, text, {
  area: areaId!,
  name: name!,
  subarea,
  competencies: area.subareas.flatMap((s) => s.competencies),
  subareas: area.subareas.map((s) => s.id),
  takenIds: questionIdsOf(files),
  from: basename(source),
});
for (const line of importReport(source, result)) console.log(line);
if (!result.markdown)
  fail(`Nothing written: ${result.errors.length > 0 ? 'fix the errors above' : 'no supported questions'}.`);
if (result.withoutSubarea.length > 0)
  fail(
    `Nothing written: give the questions' sub-area with --subarea (one of ${area.subareas.map((s) => s.id).join(', ')}).`,
  );
writeNew(path, result.markdown);
const problems = checkNewFile(dir, path);
if (problems > 0) process.exit(1);
console.log(`Wrote ${path}.`);
