// npm run content:export -- gift|aiken <area> [--content <dir>]
// Prints the questions of one area as Moodle GIFT or Aiken on stdout; questions Aiken cannot
// hold are listed on stderr. The content must compile first (npm run content:check).
import { compileContent } from '../src/content/compile';
import { formatIssues } from '../src/content/load';
import { BANK_FORMATS, exportBank, type BankFormat } from '../src/content/banks/index';
import { contentFiles, fail, parseArgs } from './content-cli';

const { positional, flags } = parseArgs(process.argv.slice(2));
const [format, area] = positional;
if (!BANK_FORMATS.includes(format as BankFormat) || !area)
  fail('Usage: npm run content:export -- gift|aiken <area> > bank.txt');
const dir = flags.content ?? 'content';
const files = contentFiles(dir);
const { content, issues } = compileContent(files, dir);
if (!content) fail(`${formatIssues(issues)}\n\nThe content has problems: fix them before exporting.`);
if (!content.index.areas.some((a) => a.id === area))
  fail(`Unknown area "${area}": use one of ${content.index.areas.map((a) => a.id).join(', ')}.`);
const mine = files.filter((f) => f.relative.startsWith(`questions/${area}/`));
const out = exportBank(format as BankFormat, mine, area);
process.stdout.write(out.text);
for (const s of out.skipped) console.error(`not exported: ${s.id}: ${s.reason}`);
const count = content.questionsByArea[area]?.length ?? 0;
console.error(`${count - out.skipped.length} of ${count} questions exported as ${(format ?? '').toUpperCase()}.`);
