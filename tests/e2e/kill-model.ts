import { rmSync } from 'node:fs';
import { join } from 'node:path';
// The bookkeeping of tests/e2e/kill-anywhere.e2e.test.ts: what the screen confirmed before a
// SIGKILL, compared with what IndexedDB holds after the restart; the kill loop; reading stores.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { newProfile, startKillable, type Killable } from './killable';

/**
 * What the screen has confirmed, as canonical JSON per key (a question's answer, a member's
 * attendance, a set's position...), and the one write the driver has started but whose
 * confirmation it has not seen yet (the driver does one write at a time). An absent key and an
 * undefined value both mean "nothing stored".
 */
export class Confirmed {
  known = new Map<string, string | undefined>();
  pending: { pairs: [string, string | undefined][]; label: string } | undefined;
  count = 0;
  private issuedAt = 0;

  /** The driver starts a write that, once confirmed, makes these keys hold these values. */
  issue(label: string, ...pairs: [string, unknown][]): void {
    this.issuedAt = Date.now();
    this.pending = { label, pairs: pairs.map(([k, v]) => [k, v === undefined ? undefined : JSON.stringify(v)]) };
  }

  /** The screen confirmed the pending write. */
  confirm(): void {
    trace(`  ${this.pending?.label}: confirmed in ${Date.now() - this.issuedAt} ms`);
    for (const [k, v] of this.pending?.pairs ?? []) this.known.set(k, v);
    this.pending = undefined;
    this.count++;
  }

  /** Frozen at the moment of the kill. */
  snapshot(): Snapshot {
    return { known: new Map(this.known), pending: this.pending, at: Date.now() };
  }
}

export interface Snapshot {
  known: Map<string, string | undefined>;
  pending: Confirmed['pending'];
  /** When the kill came (epoch ms). */
  at: number;
}

/**
 * Every key the screen confirmed holds its confirmed value in storage, except that the one
 * write in flight at the kill may or may not have landed (all of its keys, or none: it is one
 * transaction). Keys the test does not know of must be empty. Returns the stored values, which
 * become what is known for the next round.
 */
export function expectStoredAsConfirmed(
  snap: Snapshot,
  stored: Map<string, string | undefined>,
  where: string,
): Map<string, string | undefined> {
  const keys = new Set([...snap.known.keys(), ...stored.keys()]);
  const same = (k: string) => (snap.known.get(k) ?? null) === (stored.get(k) ?? null);
  const pendingLanded = snap.pending?.pairs.every(([k, v]) => (stored.get(k) ?? null) === (v ?? null)) ?? false;
  const pendingKeys = new Set(pendingLanded ? (snap.pending?.pairs.map(([k]) => k) ?? []) : []);
  const wrong = [...keys]
    .filter((k) => !same(k) && !pendingKeys.has(k))
    .map((k) => `${k}: confirmed ${snap.known.get(k) ?? 'nothing'}, stored ${stored.get(k) ?? 'nothing'}`);
  expect(wrong, `${where}; in flight: ${snap.pending?.label ?? 'nothing'}`).toEqual([]);
  return new Map(stored);
}

/** Every record of the named object stores of the app's database, read in the page. */
/** Every record of some stores, read straight from IndexedDB, failing (never hanging) when it cannot. */
function readStoresOnce(page: Page, names: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const late = setTimeout(() => reject(new Error('IndexedDB did not answer within 10 s')), 10_000);
        const fail = (why: unknown) => {
          clearTimeout(late);
          reject(why instanceof Error ? why : new Error(String(why)));
        };
        const open = indexedDB.open('clm-study');
        open.onerror = () => fail(open.error);
        open.onblocked = () => fail('opening the database was blocked');
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          fail('the database does not exist');
        };
        open.onsuccess = () => {
          try {
            const tx = open.result.transaction(stores, 'readonly');
            const out: Record<string, unknown[]> = {};
            for (const s of stores) {
              const req = tx.objectStore(s).getAll();
              req.onsuccess = () => (out[s] = req.result);
            }
            tx.oncomplete = () => {
              clearTimeout(late);
              open.result.close();
              resolve(out);
            };
            tx.onerror = () => fail(tx.error);
            tx.onabort = () => fail(tx.error ?? 'the read was aborted');
          } catch (err) {
            fail(err);
          }
        };
      }),
    names,
  );
}

/**
 * Reads as readStoresOnce, trying again (from a fresh page load) when Chromium's storage, just
 * restarted after a kill, does not answer at once: the reader is the test's, not the app's,
 * whose own reopening the flows check on screen.
 */
export async function readStores(page: Page, names: string[]): Promise<Record<string, unknown[]>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readStoresOnce(page, names);
    } catch (err) {
      if (attempt >= 3)
        throw new Error(`reading IndexedDB failed ${attempt} times: ${(err as Error).message}`, { cause: err });
      trace(`reading IndexedDB failed (${(err as Error).message}); again`);
      await page.reload();
    }
  }
}

/** More cleared stores than this in one run is not the rare browser event it should be. */
const MAX_CLEARED = 4;

/** Whether the app's database is gone, asked without creating it (no page of the app runs). */
async function databaseGone(page: Page, baseURL: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${baseURL}/favicon.svg`);
    try {
      return await page.evaluate(async () => !(await indexedDB.databases()).some((d) => d.name === 'clm-study'));
    } catch (err) {
      // Chromium, just restarted, can refuse its first opens while it recovers the store
      // ("Internal error opening backing store"): the app tries again too (storage.ts).
      if (attempt >= 5) throw err;
      console.log(`listing databases failed (${(err as Error).message}); again`);
      await sleep(500);
    }
  }
}

/** KILL_VERBOSE=1 prints each step of each round. */
const trace = (...what: unknown[]) => {
  if (process.env.KILL_VERBOSE) console.log(new Date().toISOString().slice(11, 23), ...what);
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One flow of the test, in its own tab of the one browser. */
export interface Flow {
  name: string;
  /** First start: opens the flow and stores what it starts from. */
  prepare: (page: Page, log: Confirmed) => Promise<void>;
  /** Writes one after another, recording each confirmation, until the browser dies. */
  drive: (page: Page, log: Confirmed) => Promise<never>;
  /** After a restart: compares storage and the reopened screen with what was confirmed. */
  verify: (page: Page, snap: Snapshot, log: Confirmed, where: string) => Promise<void>;
  /** After the last restart. */
  finish?: (page: Page, log: Confirmed) => Promise<void>;
}

/**
 * Opens Chromium on a fresh profile with one tab per flow and prepares each, then `kills`
 * times: every flow drives its tab at once, the browser is SIGKILLed after a random delay
 * while they work, restarted on the same profile, and every flow verifies what is stored.
 * Returns the number of writes each flow saw confirmed.
 */
export async function killRounds(
  baseURL: string,
  flows: Flow[],
  kills: number,
  delay: () => number,
): Promise<{ counts: number[]; cleared: number }> {
  const profile = newProfile();
  const logs = flows.map(() => new Confirmed());
  const earlier = flows.map(() => 0);
  let cleared = 0;
  const each = (k: Tabs, what: string, step: (f: Flow, page: Page, log: Confirmed) => Promise<void>) =>
    Promise.all(
      flows.map((f, i) =>
        guard(`${what} ${f.name}`, step(f, tab(k, i), logs[i] as Confirmed)).then(() =>
          trace(`${what} ${f.name}: done`),
        ),
      ),
    );
  let k: Tabs | undefined;
  try {
    k = await guard('starting Chromium', start(profile.dir, flows.length));
    await each(k, 'preparing', (f, page, log) => f.prepare(page, log));
    // Chromium writes localStorage to disk a few seconds after a change: wait once, so the app's
    // "this device had a database" marker is on disk, as after any visit longer than that.
    await sleep(6_000);
    for (let n = 1; n <= kills; n++) {
      const ms = delay();
      let killed = false;
      const failures: unknown[] = [];
      const running = k;
      const driving = flows.map((f, i) =>
        f.drive(tab(running, i), logs[i] as Confirmed).catch((err: unknown) => {
          if (!killed) failures.push(err);
        }),
      );
      trace(`round ${n}: driving for ${ms} ms`);
      await sleep(ms);
      if (failures.length) throw failures[0];
      // Frozen and killed in the same turn of the event loop: nothing confirmed after the kill counts.
      const snaps = logs.map((l) => l.snapshot());
      killed = true;
      await guard('killing Chromium', k.kill(), 15_000);
      trace(
        'killed',
        snaps.map((sn) => sn.pending?.label),
      );
      await guard('stopping the drivers', Promise.all(driving), 15_000);
      // KILL_CLEAR_AT=<n> deletes the database as Chromium does after kill n, to try that path.
      if (process.env.KILL_CLEAR_AT === String(n) && cleared === 0)
        rmSync(join(profile.dir, 'Default', 'IndexedDB'), { recursive: true, force: true });
      k = await guard(`restarting Chromium after kill ${n}`, start(profile.dir, flows.length));
      trace('restarted');
      if (await databaseGone(tab(k, 0), baseURL)) {
        // Chromium deleted the origin's whole database on restart: its recovery from a store it
        // found damaged (w3c/IndexedDB#30: IDBVersionChangeEvent.dataLoss "total"). No page can
        // keep that from happening; the app must say so, and a backup or sync brings the data
        // back. Such a kill is not counted: the flows start again on the cleared store.
        cleared++;
        console.log(`after kill ${n}: Chromium cleared the damaged database (${cleared} so far); starting again`);
        if (cleared > MAX_CLEARED) throw new Error(`Chromium cleared the database after ${cleared} kills`);
        const first = tab(k, 0);
        await first.goto(`${baseURL}/`);
        await first.getByText(/This browser cleared CLM Study's storage on this device/).waitFor();
        flows.forEach((_, i) => {
          earlier[i] = (earlier[i] ?? 0) + (logs[i]?.count ?? 0);
          logs[i] = new Confirmed();
        });
        await each(k, 'preparing again', (f, page, log) => f.prepare(page, log));
        n--;
        continue;
      }
      await each(k, `after kill ${n}, verifying`, (f, page, log) =>
        f.verify(page, snaps[flows.indexOf(f)] as Snapshot, log, `${f.name}, kill ${n} of ${kills}, ${ms} ms in`),
      );
    }
    await each(k, 'finishing', async (f, page, log) => f.finish?.(page, log));
    return { counts: logs.map((l, i) => l.count + (earlier[i] ?? 0)), cleared };
  } finally {
    await k?.kill().catch(() => undefined);
    if (process.env.KILL_KEEP) console.log('profile kept at', profile.dir);
    else profile.remove();
  }
}

/** A step that never settles fails the test, naming the step, instead of running out its time. */
function guard<T>(what: string, step: Promise<T>, ms = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms / 1000} s`)), ms);
  });
  return Promise.race([step, late]).finally(() => clearTimeout(timer));
}

type Tabs = Killable & { tabs: Page[] };

const tab = (k: Tabs, i: number): Page => {
  const page = k.tabs[i];
  if (!page) throw new Error(`no tab ${i}`);
  return page;
};

async function start(profile: string, count: number): Promise<Tabs> {
  const k = await startKillable(profile);
  const tabs = [k.page];
  // Each in a window of its own: a background tab renders so rarely that every click waits seconds.
  const cdp = await k.browser.newBrowserCDPSession();
  while (tabs.length < count) {
    const opened = k.page.context().waitForEvent('page');
    await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
    const page = await opened;
    await page.setViewportSize({ width: 360, height: 740 });
    tabs.push(page);
  }
  for (const page of tabs) {
    page.setDefaultTimeout(15_000);
    // Check-in for a session on another day asks once per page: the person at the door says yes.
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
  }
  return { ...k, tabs };
}
