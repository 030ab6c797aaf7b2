// Compiles a content folder and prints its time and this process's peak memory as JSON.
import { compileContent } from '../../src/content/compile.ts';
import { readContentDirs } from '../../src/content/load.ts';

const dir = process.argv[2] ?? '.cache/bench-content';
const t = performance.now();
const { content, issues } = compileContent(readContentDirs([dir]));
const ms = performance.now() - t;
if (issues.length > 0) {
  console.error(issues.slice(0, 5));
  process.exit(1);
}
console.log(JSON.stringify({ ms, questions: content!.index.counts.total, maxRssKiB: process.resourceUsage().maxRSS }));
