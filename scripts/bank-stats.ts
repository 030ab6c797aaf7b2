// npm run content:stats: the option-balance and per-sub-area figures of the question bank.
import { compileContent } from '../src/content/compile';
import { readContentDirs } from '../src/content/load';

const { content } = compileContent(readContentDirs(['content']), 'content');
if (!content) throw new Error('content does not compile: run npm run content:check');
const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();
const rows: Record<string, { single: number; multi: number; longest: number; long12: number }> = {};
const pos = [0, 0, 0, 0, 0, 0];
for (const [, qs] of Object.entries(content.questionsByArea)) {
  for (const q of qs) {
    const r = (rows[q.subarea] ??= { single: 0, multi: 0, longest: 0, long12: 0 });
    if (q.multi) {
      r.multi++;
      continue;
    }
    r.single++;
    const lens = q.options.map((o) => text(o.html).length);
    const k = q.options.findIndex((o) => o.correct);
    pos[k] = (pos[k] ?? 0) + 1;
    const key = lens[k] ?? 0;
    const others = lens.filter((_, i) => i !== k);
    if (others.every((l) => key > l)) r.longest++;
    if (key > 1.2 * (others.reduce((s, l) => s + l, 0) / others.length)) r.long12++;
  }
}
let t = { single: 0, multi: 0, longest: 0, long12: 0 };
for (const [id, r] of Object.entries(rows)) {
  console.log(id.padEnd(28), `single ${r.single}  multi ${r.multi}  key longest ${r.longest}  key >1.2x ${r.long12}`);
  t = {
    single: t.single + r.single,
    multi: t.multi + r.multi,
    longest: t.longest + r.longest,
    long12: t.long12 + r.long12,
  };
}
const pct = (n: number) => `${Math.round((100 * n) / t.single)}%`;
console.log(
  `all: single ${t.single}, multi ${t.multi}; key strictly longest ${pct(t.longest)}, key > 1.2x mean distractor ${pct(t.long12)}; key positions ${pos.join(' ')}`,
);
