// What the sync bench (sync.ts, sync-app.ts) stands on: answers shaped like the app's, and
// the chapter server as its own process on a fresh data folder, with people, devices and
// tokens made directly in its store.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Store } from '../../server/store.ts';
import { Tokens } from '../../server/tokens.ts';

export type Row = (what: string, budget: string, measured: string, ok: boolean) => void;

/** What the app keeps in the `answers` map: an AnswerRecord without its local id, with its uid. */
export interface Answer {
  uid: string;
  questionId: string;
  choice: number[];
  correct: boolean;
  at: number;
  context: string;
  ms: number;
}

// Shaped like a practice history: sets of 25 answers (every fifth a mock exam), question ids
// as long as the bank's.
let counter = 0;
let setId = randomUUID();
export function answer(): Answer {
  if (counter % 25 === 0) setId = randomUUID();
  counter += 1;
  return {
    uid: randomUUID(),
    questionId: `od-situational-leadership-${String(counter % 2000).padStart(4, '0')}`,
    choice: [counter % 4],
    correct: counter % 3 !== 0,
    at: 1_780_000_000_000 + counter * 37_000,
    context: counter % 125 < 25 ? `exam:${setId}` : `set:${setId}`,
    ms: 4000 + (counter % 50) * 700,
  };
}
export const answersOf = (doc: Y.Doc) => doc.getMap<Answer>('answers');

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export async function until(check: () => boolean, label: string, timeout: number): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`sync bench: timed out waiting for ${label}`);
    await sleep(5);
  }
}
export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
export const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;

// ---- The server, as its own process, on a fresh data folder -------------------------------

export interface Device {
  personId: string;
  token: string;
}

export interface Running {
  wsUrl: string;
  /** CPU time the server process has used (user + system, seconds). */
  cpuSeconds(): number;
  /** Peak resident memory so far (KiB): the larger of the sampled VmRSS and the kernel's VmHWM. */
  peakRssKiB(): number;
  rssKiB(): number;
  stop(): Promise<void>;
}

export function temp(prefix: string) {
  return mkdtempSync(join(tmpdir(), `clm-bench-${prefix}-`));
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of a process (/proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * A fresh data folder with a chapter and `people` people of `devicesEach` devices, made with
 * the Store directly (one transaction), their tokens issued with the server's own secret, and
 * each person's document seeded with `seedAnswers` answers.
 */
export async function prepare(people: number, devicesEach: number, seedAnswers = 0) {
  const dataDir = temp('data');
  const store = new Store(dataDir);
  const tokens = new Tokens(store);
  const made: { person: Parameters<Tokens['issue']>[0]; devices: Parameters<Tokens['issue']>[1][] }[] = [];
  store.db.transaction(() => {
    store.init({ chapter: 'Bench Chapter', name: 'Ann Admin', email: 'ann@bench.example' });
    for (let i = 0; i < people; i++) {
      const { code } = store.createInvite({ role: 'member', email: `p${i}@bench.example` });
      const first = store.enrol(code, 'Laptop');
      if (!first) throw new Error('sync bench: enrolment failed');
      const devices = [first.device];
      for (let d = 1; d < devicesEach; d++) {
        const added = store.enrol(store.createDeviceLink(first.person.id).code, `Phone ${d}`);
        if (!added) throw new Error('sync bench: adding a device failed');
        devices.push(added.device);
      }
      made.push({ person: first.person, devices });
      if (seedAnswers > 0) {
        const doc = new Y.Doc();
        doc.transact(() => {
          for (let a = 0; a < seedAnswers; a++) {
            const record = answer();
            answersOf(doc).set(record.uid, record);
          }
        });
        store.storeDocument(`user:${first.person.id}`, Y.encodeStateAsUpdate(doc));
        doc.destroy();
      }
    }
  })();
  const result: Device[][] = [];
  for (const { person, devices } of made)
    result.push(
      await Promise.all(
        devices.map(async (device) => ({ personId: person.id, token: await tokens.issue(person, device) })),
      ),
    );
  store.close();
  return { dataDir, people: result };
}

/** The server on `dataDir`, serving a stub page, or the built app when `appDir` is given. */
export async function startChild(dataDir: string, appDir?: string): Promise<Running> {
  const distDir = appDir ?? temp('dist');
  if (!appDir) writeFileSync(join(distDir, 'shell.html'), '<!doctype html><title>CLM Study</title>');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      const match = /CLM Study at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`sync bench: the server exited (${code}): ${output}`)));
  });
  const pid = child.pid ?? 0;
  let sampled = 0;
  const sample = () => (sampled = Math.max(sampled, procStatus(pid, 'VmRSS')));
  const sampler = setInterval(sample, 100);
  return {
    wsUrl: `ws://127.0.0.1:${new URL(url).port}/sync`,
    rssKiB: () => procStatus(pid, 'VmRSS'),
    cpuSeconds: () => cpuSeconds(pid),
    peakRssKiB: () => Math.max(sample(), procStatus(pid, 'VmHWM')),
    async stop() {
      clearInterval(sampler);
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      if (!appDir) rmSync(distDir, { recursive: true, force: true });
    },
  };
}
