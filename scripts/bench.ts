// npm run bench: measures the budgets of docs/PERFORMANCE.md and rewrites its figures.
//  - content build time of content/ (median of several runs) and its peak memory;
//  - JavaScript the first route loads, gzipped (what Chromium fetched for "/");
//  - Lighthouse (mobile defaults) on Home, Practice, Progress, an Area and a Session;
//  - an offline repeat visit and practice feedback with the CPU slowed 4x;
//  - a 10,000-question bank: compile time and memory, and IndexedDB operations;
//  - sync (issue 11): the chapter server as its own process, with real providers on loopback
//    (scripts/bench/sync.ts; run that section alone with `npx tsx scripts/bench/sync.ts`).
// Needs Chromium (CHROME_PATH or /usr/bin/chromium), like the browser tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import * as chromeLauncher from 'chrome-launcher';
import { execFileSync } from 'node:child_process';
import react from '@vitejs/plugin-react';
import { compileContent } from '../src/content/compile.ts';
import { readContentDirs } from '../src/content/load.ts';
import { clmContent } from '../src/content/vite-plugin.ts';
import { generateBank } from './bench/generate-bank.ts';
import { reportCheckIn } from './bench/checkin.ts';
import { lighthouseMedian } from './bench/lighthouse.ts';
import { CHROMIUM_FLAGS } from './chromium-flags.ts';
import { benchCheckFeedback, benchOfflineRepeat, median } from './bench/candidate-paint.ts';
import { benchSync } from './bench/sync.ts';
import { benchSyncApp } from './bench/sync-app.ts';
import { benchChapter } from './bench/chapter.ts';
import { benchScaleOut } from './bench/scale-out.ts';
import { reportAuthor } from './bench/author-report.ts';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const flags = ['--headless=new', ...CHROMIUM_FLAGS];

interface Row {
  what: string;
  budget: string;
  measured: string;
  ok: boolean;
}
const rows: Row[] = [];
const row = (what: string, budget: string, measured: string, ok: boolean) => {
  rows.push({ what, budget, measured, ok });
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${measured} (budget ${budget})`);
};

// 1. Content build.
{
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const { issues } = compileContent(readContentDirs(['content']));
    times.push(performance.now() - t);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (issues.length > 0) throw new Error('content has problems: run npm run content:check');
  }
  times.sort((a, b) => a - b);
  const mid = times[2]!;
  row(
    'Content build of content/ (median of 5)',
    '< 5 s',
    `${(mid / 1000).toFixed(2)} s (process peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB)`,
    mid < 5000,
  );
}

// 2. Production build and the first route's JavaScript.
process.env.NODE_ENV = 'production';
await build({ logLevel: 'warn', mode: 'production' });
const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
try {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(base + '/', { waitUntil: 'networkidle' });
  await reportCheckIn(browser, base, row);
  await browser.close();
  let gz = 0;
  const files: string[] = [];
  for (const path of scripts) {
    const bytes = gzipSync(readFileSync(join('dist', path)), { level: 9 }).length;
    gz += bytes;
    files.push(`${path.replace('/assets/', '')} ${(bytes / 1024).toFixed(1)} KB`);
  }
  row(
    'JavaScript loaded by the first route (gzip -9)',
    '<= 120 KB',
    `${(gz / 1024).toFixed(1)} KB in ${scripts.size} files`,
    gz <= 120 * 1024,
  );
  console.log('   ' + files.join('\n   '));

  // 3. Lighthouse, in the light theme and (Chromium told the system prefers dark) the dark one.
  //    Issue 15's pages (Home, an Area, a Session): median of 5, with LCP, TBT and CLS budgets.
  //    Issue 8's pages (Home, Practice hub, Progress): median of 3, perf >= 95, light and dark.
  for (const theme of ['light', 'dark'] as const) {
    const themeFlags = theme === 'dark' ? [...flags, '--blink-settings=preferredColorScheme=0'] : flags;
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: themeFlags });
    try {
      const pages: [string, string, 3 | 5][] = [
        ['Home', '/', theme === 'light' ? 5 : 3],
        ['Practice hub', '/practice', 3],
        ['Progress', '/progress', 3],
      ];
      if (theme === 'light')
        pages.push(['Area', '/areas/finance', 5], ['Session', '/sessions/general-accounting-trust', 5]);
      for (const [name, path, times] of pages) {
        const f = await lighthouseMedian(base + path, chrome.port, times);
        for (const w of f.weak) console.log(`   ${name}, ${theme}: ${w}`);
        const scores = `perf ${f.perf} (runs ${f.runs.join(', ')}), a11y ${f.a11y}, best practices ${f.bp}`;
        if (times === 5) {
          row(
            `Lighthouse ${name}, ${theme} (${path}), median of 5`,
            'LCP <= 1.2 s, TBT <= 50 ms, CLS <= 0.01, perf >= 99, a11y 100, best practices 100',
            `LCP ${(f.lcpMs / 1000).toFixed(2)} s, TBT ${f.tbtMs.toFixed(0)} ms, CLS ${f.cls.toFixed(3)}, ${scores}`,
            f.lcpMs <= 1200 && f.tbtMs <= 50 && f.cls <= 0.01 && f.perf >= 99 && f.a11y === 100 && f.bp === 100,
          );
        } else {
          row(
            `Lighthouse ${name}, ${theme} (${path}), median of 3`,
            'perf >= 95, a11y 100, best practices 100',
            `${scores}; LCP ${(f.lcpMs / 1000).toFixed(2)} s, TBT ${f.tbtMs.toFixed(0)} ms, CLS ${f.cls.toFixed(3)}`,
            f.perf >= 95 && f.a11y === 100 && f.bp === 100,
          );
        }
      }
    } finally {
      chrome.kill();
    }
  }

  // 4. What a candidate feels on a slow phone: 4x CPU slowdown.
  {
    const slow = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
    try {
      for (const [name, path] of [
        ['Home', '/'],
        ['Area', '/areas/finance'],
        ['Session', '/sessions/general-accounting-trust'],
      ] as const) {
        const runs = await benchOfflineRepeat(slow, base, path);
        const m = median(runs);
        row(
          `Offline repeat visit, ${name}: main content painted (4x CPU, median of 5)`,
          '<= 400 ms',
          `${m.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(', ')})`,
          m <= 400,
        );
      }
      const checks = await benchCheckFeedback(slow, base);
      const m = median(checks);
      row(
        'Practice: Check pressed to feedback painted (4x CPU, median of 10)',
        '<= 120 ms',
        `${m.toFixed(0)} ms (max ${Math.max(...checks).toFixed(0)} ms)`,
        m <= 120,
      );
    } finally {
      await slow.close();
    }
  }
  await reportAuthor(base, row);
} finally {
  await server.close();
}

// 5. A generated bank of 10,000 questions: compile time and memory, in a fresh process.
const BANK = '.cache/bench-content';
generateBank(BANK, 10_000);
{
  const out = execFileSync('node_modules/.bin/tsx', ['scripts/bench/compile-bank.ts', BANK], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; questions: number; maxRssKiB: number };
  row(
    `Compile a ${r.questions.toLocaleString('en-US')}-question bank`,
    '<= 10 s',
    `${(r.ms / 1000).toFixed(1)} s`,
    r.ms <= 10_000,
  );
  row(
    `Peak memory compiling it (whole process)`,
    '<= 1 GiB',
    `${(r.maxRssKiB / 1024).toFixed(0)} MiB`,
    r.maxRssKiB <= 1024 * 1024,
  );
}

// 6. Real IndexedDB in Chromium with that bank and 100,000 answers.
{
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [clmContent({ dir: BANK }), react()],
    build: { outDir: '.cache/bench-dist', emptyOutDir: true, rolldownOptions: { input: 'scripts/bench/harness.html' } },
  });
  const harness = await preview({
    configFile: false,
    build: { outDir: '.cache/bench-dist' },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = harness.resolvedUrls!.local[0]!.replace(/\/$/, '') + '/scripts/bench/harness.html';
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('harness error:', e.message));
    await page.goto(url);
    await page.getByText('Ready').waitFor();
    interface Figures {
      seeded: { questions: number; answers: number };
      coldLoadMs: number;
      startPracticeMs: number;
      startMissedMs: number;
      startExamMs: number;
      recordP95Ms: number;
      recordMedianMs: number;
      dashboardMs: number;
      searchIndexBuildMs: number;
      searchP95Ms: number;
    }
    const r = (await page.evaluate(() =>
      (window as unknown as { bench: { run: () => Promise<unknown> } }).bench.run(),
    )) as Figures;
    console.log('   seeded:', JSON.stringify(r.seeded), `first load of the bank ${r.coldLoadMs.toFixed(0)} ms`);
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    row('Start a practice set (25 mixed; median)', '<= 100 ms', ms(r.startPracticeMs), r.startPracticeMs <= 100);
    row('Start a practice set of missed questions (median)', '<= 100 ms', ms(r.startMissedMs), r.startMissedMs <= 100);
    row('Start a full mock exam (125 questions; median)', '<= 100 ms', ms(r.startExamMs), r.startExamMs <= 100);
    row(
      'Record an answer (p95 of 300)',
      '<= 10 ms',
      `${ms(r.recordP95Ms)} (median ${ms(r.recordMedianMs)})`,
      r.recordP95Ms <= 10,
    );
    row('Compute the dashboard (median)', '<= 200 ms', ms(r.dashboardMs), r.dashboardMs <= 200);
    row(
      'Search query (p95 of 150)',
      '<= 20 ms',
      `${ms(r.searchP95Ms)} (index built in ${r.searchIndexBuildMs.toFixed(0)} ms)`,
      r.searchP95Ms <= 20,
    );
  } finally {
    await browser.close();
    await harness.close();
  }
}

// 7. Sync: a new device's history, propagation between two devices, 1,000 devices on one server.
await benchSync(row);
// And for the app itself: a new device signed in from a link, until its tables hold the history.
await benchSyncApp(row);

// 8. The chapter document: 200 committee devices on one chapter, 50 chapters x 40 devices on one
//    process, the official hours recomputed from 20,000 events; and two processes on Redis and
//    PostgreSQL (information, no budget).
await benchChapter(row);
await benchScaleOut(row);

// Write the figures into docs/PERFORMANCE.md between the markers.
const doc = 'docs/PERFORMANCE.md';
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on a 2-core machine, Node ${process.version}, Debian Chromium. IndexedDB figures: a generated bank of 10,000 questions and 100,000 recorded answers, in real IndexedDB in headless Chromium. Sync figures: the chapter server as its own process on loopback, its clients (Hocuspocus providers) in the bench's Node process on the same machine.`,
  '',
  '| What | Budget | Measured | |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.budget} | ${r.measured} | ${r.ok ? 'ok' : '**over**'} |`),
].join('\n');
const text = readFileSync(doc, 'utf8');
writeFileSync(
  doc,
  text.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`),
);
console.log(`\nWrote ${doc}.`);
process.exit(rows.every((r) => r.ok) ? 0 : 1);
