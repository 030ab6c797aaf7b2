// The chapter budgets of issue 12, on loopback: the chapter server as its own process
// (`node --import tsx server/main.ts`, as `npm start` runs it) on a fresh DATA_DIR, with a
// content folder whose season is over (chapter-fixtures.ts: every session held, so each
// check-in moves someone's official hours), and real Hocuspocus providers in this process.
//  1. 200 committee devices on the chapter document, 50 check-ins a minute for a minute:
//     each check-in timed until every other device holds it (p95 over all of them), and
//     until the member's own device shows the new official hours.
//  2. 50 chapters x 40 devices on one process: one server serves one chapter, so the server's
//     own chapter document (with its hours projection) and 49 documents of the same shape
//     (a roster of 100, a season of 1,000 events) opened as the user documents of 49 people
//     with 40 devices each; peak resident memory of the server process.
//  3. Recomputing a chapter's official hours from a log of 20,000 events (in this process:
//     chapterState + officialHours, the pure function the projector runs), median of 11.
// The chapter document is opened without awareness (nobody's presence is shown; with it, each
// device's awareness update goes to all 199 others every 15 s: --with-awareness adds that run).
// Run alone: npx tsx scripts/bench/chapter.ts [--quick] [--with-awareness]
//   [--only=recompute,devices,chapters]
// (prints the rows as table lines and the figures as JSON).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { todayIn } from '../../src/lib/dates.ts';
import { chapterState, officialHours } from '../../server/projection.ts';
import { loadPublished } from '../../server/published.ts';
import { fiftyChapters, load, twoHundredDevices, type ChapterFigures } from './chapter-devices.ts';
import { chapterDoc, eventsOf, rosterOf } from './chapter-fixtures.ts';
import { ms, quantile, type Row } from './sync-fixtures.ts';

export type { ChapterFigures } from './chapter-devices.ts';

export function recompute(row: Row, figures: ChapterFigures) {
  const { sessions, timeZone } = loadPublished(resolve('content'));
  const doc = chapterDoc(
    0,
    200,
    20_000,
    sessions.map((s) => s.id),
  );
  const people = rosterOf(doc).map((m, i) => ({ id: `p${i}`, email: m.email }));
  const today = todayIn(timeZone, new Date('2027-06-01T12:00:00Z'));
  const runs: number[] = [];
  let count = 0;
  for (let run = 0; run < 12; run++) {
    const started = performance.now();
    count = officialHours(chapterState(doc), sessions, today, people).size;
    if (run > 0) runs.push(performance.now() - started); // the first warms the JIT up
  }
  const mid = quantile(runs, 0.5);
  figures.recomputeMs = mid;
  row(
    "Chapter: recomputing a chapter's official hours from a log of 20,000 events (median of 11)",
    '<= 200 ms',
    `${ms(mid)} (fastest ${ms(Math.min(...runs))}, slowest ${ms(Math.max(...runs))}; ${eventsOf(doc).size.toLocaleString('en-US')} events, 200 members, ${count} with official hours; read from the Y.Doc and folded with the one rule; ${load()})`,
    mid <= 200 && count === 200,
  );
}

/** The chapter section of npm run bench: adds its rows with `row` and returns the figures. */
export async function benchChapter(
  row: Row,
  options: { quick?: boolean; awareness?: boolean; only?: ('recompute' | 'devices' | 'chapters')[] } = {},
): Promise<ChapterFigures> {
  const figures: ChapterFigures = {};
  const quick = options.quick ?? false;
  const runs = (part: 'recompute' | 'devices' | 'chapters') => !options.only || options.only.includes(part);
  const failed = (what: string, budget: string) => (error: unknown) =>
    row(what, budget, `failed: ${error instanceof Error ? error.message : String(error)}`, false);
  if (runs('recompute'))
    try {
      recompute(row, figures);
    } catch (error) {
      failed('Chapter: recomputing official hours from 20,000 events', '<= 200 ms')(error);
    }
  if (runs('devices'))
    await twoHundredDevices(row, figures, quick).catch(
      failed('Chapter: 200 devices on one chapter document, 50 check-ins a minute', '<= 300 ms'),
    );
  if (runs('devices') && options.awareness)
    await twoHundredDevices(row, figures, quick, true).catch(
      failed('Chapter: 200 devices on one chapter document sharing awareness', '<= 300 ms (as without)'),
    );
  if (runs('chapters'))
    await fiftyChapters(row, figures, quick).catch(
      failed('Chapter: 50 chapters x 40 devices on one process', '<= 1 GiB'),
    );
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines: string[] = [];
  let allOk = true;
  const started = performance.now();
  const figures = await benchChapter(
    (what, budget, measured, ok) => {
      console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${measured} (budget ${budget})`);
      lines.push(`| ${what} | ${budget} | ${measured} | ${ok ? 'ok' : '**over**'} |`);
      allOk &&= ok;
    },
    {
      quick: process.argv.includes('--quick'),
      awareness: process.argv.includes('--with-awareness'),
      only: process.argv
        .find((a) => a.startsWith('--only='))
        ?.slice('--only='.length)
        .split(',') as ('recompute' | 'devices' | 'chapters')[] | undefined,
    },
  );
  console.log(
    `\nRows for docs/PERFORMANCE.md (chapter section, ${((performance.now() - started) / 1000).toFixed(0)} s):`,
  );
  console.log(lines.join('\n'));
  console.log(JSON.stringify(figures));
  process.exit(allOk ? 0 : 1);
}
