// Issue 11's "a new device receives a history of 10,000 answers", for the app itself: the
// chapter server (its own process, serving the production build in dist/) holds a person's
// document of 10,000 answers; a fresh Chromium profile opens a one-time device link, signs in,
// and is timed from the click on "Sign in on this device" until its IndexedDB holds all
// 10,000 answers in the table the screens read (the sync engine loaded, the document synced
// and bridged into the tables, the review cards replayed).
// Needs the production build (npm run build). Run alone: npx tsx scripts/bench/sync-app.ts
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Store } from '../../server/store.ts';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { prepare, startChild, type Row } from './sync.ts';

const ANSWERS = 10_000;

async function appNewDevice(): Promise<{ ms: number; cards: number }> {
  const { dataDir, people } = await prepare(1, 1, ANSWERS);
  const personId = people[0]?.[0]?.personId;
  if (!personId) throw new Error('sync-app bench: no person');
  const store = new Store(dataDir);
  const { code } = store.createDeviceLink(personId);
  store.close();
  const server = await startChild(dataDir, 'dist');
  const origin = server.wsUrl.replace(/^ws/, 'http').replace(/\/sync$/, '');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(`${origin}/join#code=${code}`);
    const button = page.getByRole('button', { name: 'Sign in on this device' });
    await button.waitFor();
    const started = Date.now();
    await button.click();
    const end = started + 60_000;
    for (;;) {
      const counts = await page.evaluate(
        () =>
          new Promise<{ answers: number; cards: number }>((resolve) => {
            const open = indexedDB.open('clm-study');
            open.onerror = () => resolve({ answers: 0, cards: 0 });
            open.onsuccess = () => {
              try {
                const tx = open.result.transaction(['answers', 'cards']);
                const answers = tx.objectStore('answers').count();
                const cards = tx.objectStore('cards').count();
                tx.oncomplete = () => {
                  resolve({ answers: answers.result, cards: cards.result });
                  open.result.close();
                };
              } catch {
                resolve({ answers: 0, cards: 0 });
                open.result.close();
              }
            };
          }),
      );
      if (counts.answers >= ANSWERS) return { ms: Date.now() - started, cards: counts.cards };
      if (Date.now() > end) throw new Error(`only ${counts.answers} of ${ANSWERS} answers after 60 s`);
      await page.waitForTimeout(100);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The app-level row of the sync section. */
export async function benchSyncApp(row: Row): Promise<void> {
  const what = 'Sync in the app: a new device (Chromium, signed in from a device link) holds a 10,000-answer history';
  try {
    const { ms, cards } = await appNewDevice();
    row(
      what,
      '<= 5 s',
      `${(ms / 1000).toFixed(2)} s (click on "Sign in" to 10,000 answers in the table the screens read; ${cards} review cards replayed)`,
      ms <= 5000,
    );
  } catch (err) {
    row(what, '<= 5 s', `failed: ${err instanceof Error ? err.message : String(err)}`, false);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchSyncApp((what, budget, measured, ok) =>
    console.log(`| ${what} | ${budget} | ${measured} | ${ok ? 'ok' : '**over**'} |`),
  );
  process.exit(0);
}
