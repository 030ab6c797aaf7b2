// A Chromium that a test can kill with SIGKILL, as a crash or a killed app would, and start
// again on the same profile: IndexedDB and the service worker survive as on a real device.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromePath } from './browser';

export interface Killable {
  browser: Browser;
  page: Page;
  kill: () => Promise<void>;
}

export function newProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'clm-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }) };
}

export async function startKillable(profile: string, viewport = { width: 360, height: 740 }): Promise<Killable> {
  const proc: ChildProcess = spawn(
    chromePath(),
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      // No omnibox popup pages preloaded (headless shows no omnibox): a quicker start after each kill.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ],
    // Its own process group, so SIGKILL takes down the browser and every child, as a crash does.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
    proc.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', () => reject(new Error(`Chromium exited: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('no default context');
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize(viewport);
  return {
    browser,
    page,
    kill: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
      await exited;
      // Wait until every process of the group is gone (a child still holding the store's lock
      // would refuse the next browser's open), then a moment more for the reaping.
      for (let waited = 0; waited < 5000 && groupAlive(proc.pid); waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
    },
  };
}

/** Whether any process of the group led by `pid` is still there. */
function groupAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Answers stored in IndexedDB whose context matches (e.g. "exam:<id>"), read in the page. */
export function storedAnswers(page: Page, context: string): Promise<{ questionId: string }[]> {
  return page.evaluate(
    (ctx) =>
      new Promise<{ questionId: string }[]>((resolve, reject) => {
        const open = indexedDB.open('clm-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('answers').objectStore('answers').getAll();
          req.onsuccess = () => {
            resolve((req.result as { questionId: string; context: string }[]).filter((a) => a.context === ctx));
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    context,
  );
}
