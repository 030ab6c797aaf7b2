// Scale-out figures (issue 12 section 2), on loopback: two chapter server processes
// (`node --import tsx server/main.ts`) on one PostgreSQL and one Redis (started here, as the
// tests start them: tests/server/services.ts), sharing the accounts' SQLite file.
//  1. An answer written on a device connected to process A shows on the same person's device
//     connected to process B (p50/p95 of 200, 20 people), through Redis.
//  2. The acknowledgement a device waits for (its update appended to PostgreSQL first, fsync
//     on), p50/p95 of 200, beside the same on one process with SQLite (synchronous = FULL).
// Not a budget of the issue; run alone: npx tsx scripts/bench/scale-out.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPostgres, startRedis } from '../../tests/server/services.ts';
import { connect, propagation, synced, type Client } from './sync-clients.ts';
import { answer, answersOf, ms, prepare, quantile, sleep, temp, until, type Row } from './sync-fixtures.ts';

async function startProcess(dataDir: string, distDir: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /CLM Study at http:\/\/localhost:(\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`scale-out bench: a server exited (${code}): ${output}`)));
  });
  return { child, wsUrl: `ws://127.0.0.1:${port}/sync` };
}

/** Times `count` answers from written to acknowledged, one at a time, spread over the clients. */
async function acknowledgements(clients: Client[], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const client = clients[i % clients.length];
    if (!client) break;
    const record = answer();
    const started = performance.now();
    answersOf(client.doc).set(record.uid, record);
    await until(() => synced(client), 'an answer to be acknowledged', 10_000);
    times.push(performance.now() - started);
  }
  return times;
}

const p = (values: number[]) => `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))}`;

export async function benchScaleOut(row: Row): Promise<void> {
  const PEOPLE = 20;
  const redis = await startRedis();
  const postgres = await startPostgres({ fsync: true });
  const distDir = temp('dist');
  writeFileSync(join(distDir, 'shell.html'), '<!doctype html><title>CLM Study</title>');
  const { dataDir, people } = await prepare(PEOPLE, 2);
  const alone = await prepare(PEOPLE, 1);
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  try {
    const shared = { DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    const [a, b, single] = await Promise.all([
      startProcess(dataDir, distDir, shared),
      startProcess(dataDir, distDir, shared),
      startProcess(alone.dataDir, distDir, {}),
    ]);
    children.push(a.child, b.child, single.child);
    const pairs = people.map(([onA, onB]): [Client, Client] => {
      if (!onA || !onB) throw new Error('scale-out bench: no devices');
      return [connect(a.wsUrl, onA), connect(b.wsUrl, onB)];
    });
    const onSqlite = alone.people.map(([device]) => {
      if (!device) throw new Error('scale-out bench: no devices');
      return connect(single.wsUrl, device);
    });
    clients.push(...pairs.flat(), ...onSqlite);
    await until(() => clients.every(synced), 'every device to sync', 30_000);
    await sleep(500);
    const across = await propagation(pairs, 200, 25);
    const acked = await acknowledgements(
      pairs.map(([sender]) => sender),
      200,
    );
    row(
      'Scale-out: an answer on a device on process A shows on a device on process B (Redis; 20 people, 200 answers)',
      'none (informative)',
      p(across),
      true,
    );
    const ackedSqlite = await acknowledgements(onSqlite, 200);
    row(
      'Scale-out: an answer acknowledged (appended first): PostgreSQL + Redis vs one process on SQLite (200 each)',
      'none (informative)',
      `PostgreSQL ${p(acked)}; SQLite ${p(ackedSqlite)}`,
      true,
    );
  } finally {
    for (const client of clients) client.destroy();
    for (const child of children) child.kill('SIGKILL');
    await Promise.all([postgres.stop(), redis.stop()]);
    for (const dir of [dataDir, alone.dataDir, distDir]) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchScaleOut((what, budget, measured) => console.log(`| ${what} | ${budget} | ${measured} |`));
  process.exit(0);
}
