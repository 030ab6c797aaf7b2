// A site built from the hostile corpus (tests/fixtures/hostile), served by vite preview on its
// own port: on every route no payload runs (window.__pwned and document.title stay as they
// are), no dialog opens, no request leaves the origin and nothing logs an error (a CSP
// violation would). One build of the small corpus; the routes are visited in one page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { openContext, setupBrowser } from './browser';
import { HOSTILE_AREAS, HOSTILE_SESSIONS, SEARCH_WORD, writeHostileSite } from '../fixtures/hostile/site';

const browser = setupBrowser();
let server: PreviewServer | undefined;
let baseURL = '';
let root = '';

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clm-hostile-'));
  const content = join(root, 'content');
  const outDir = join(root, 'dist');
  writeHostileSite(content);
  // vite.config.ts reads the content folder from CLM_CONTENT_DIR (this worker's own env).
  process.env.CLM_CONTENT_DIR = content;
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn', mode: 'production', build: { outDir, emptyOutDir: true } });
  server = await preview({
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  baseURL = url.replace(/\/$/, '');
}, 180_000);

afterAll(async () => {
  await server?.close();
  delete process.env.CLM_CONTENT_DIR;
  if (root) rmSync(root, { recursive: true, force: true });
});

/** What a payload would leave behind, and any live markup inside the content's HTML. */
const traces = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    if ('__pwned' in window) found.push('window.__pwned was set');
    if (document.title === 'pwned') found.push('document.title was changed');
    const live = 'script, iframe, object, embed, form, style, base, meta, link, svg, math, input, textarea';
    for (const prose of document.querySelectorAll('.prose, .reference, .option-text')) {
      for (const el of prose.querySelectorAll(live)) found.push(`<${el.localName}> in content`);
      for (const el of prose.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (a.name.startsWith('on') || a.name === 'style') found.push(`${a.name} on <${el.localName}> in content`);
        }
      }
      for (const a of prose.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        if (!/^(https?|mailto):$/.test(a.protocol)) found.push(`link to ${a.href}`);
      }
    }
    return found;
  });

it('runs no payload, opens no dialog and sends nothing elsewhere on any route', { timeout: 120_000 }, async () => {
  const { context, page, foreign, errors } = await openContext(browser(), baseURL, { width: 1280, height: 800 });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const visited: string[] = [];
  const check = async (route: string) => {
    visited.push(route);
    // The hostile text around the payloads is on screen: the page rendered the content.
    expect(await traces(page), route).toEqual([]);
  };

  const pages: [string, string][] = [
    ['/', `Everything hostile, ${SEARCH_WORD} included.`],
    ['/areas', 'Markup'],
    ...HOSTILE_AREAS.map((a): [string, string] => [`/areas/${a}`, `Everything hostile, ${SEARCH_WORD}`]),
    ['/sessions', 'Night of markup'],
    ...HOSTILE_SESSIONS.map((s): [string, string] => [`/sessions/${s}`, `Everything hostile, ${SEARCH_WORD}`]),
    ['/my-hours', `Everything hostile, ${SEARCH_WORD}`],
    ...HOSTILE_SESSIONS.map((s): [string, string] => [`/practice/session/${s}`, `about ${SEARCH_WORD}`]),
  ];
  for (const [route, text] of pages) {
    await page.goto(route);
    await page.getByText(text).first().waitFor();
    await check(route);
  }

  // Practice: every question of every area checked, so explanations, rationales and
  // references are on screen.
  for (const area of HOSTILE_AREAS) {
    await page.goto(`/practice/area/${area}`);
    const total = Number(/of (\d+)/.exec(await page.locator('.question-heading').innerText())?.[1]);
    expect(total).toBe(7);
    for (let n = 1; n <= total; n++) {
      await page.getByRole('heading', { level: 2, name: `Question ${n} of ${total}` }).waitFor();
      await page
        .locator('.option label')
        .nth(n % 3)
        .click();
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.locator('.feedback .explanation').waitFor();
      expect(await page.locator('.option .rationale').count()).toBe(3);
      await page.locator('.reference').waitFor();
      await check(`/practice/area/${area} question ${n}`);
      await page.getByRole('button', { name: /^(Next question|Finish round)$/ }).click();
    }
    await page.getByRole('heading', { name: 'Round complete' }).waitFor();
  }

  await page.goto(`/search?q=${SEARCH_WORD}`);
  await page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().waitFor();
  await page.goto('/search?q=onerror');
  await page
    .getByRole('status')
    .filter({ hasText: /result/ })
    .waitFor();
  await check('/search');

  expect(visited.length).toBe(10 + 14 + 1);
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
