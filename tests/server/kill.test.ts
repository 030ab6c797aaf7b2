// The server killed with SIGKILL right after it acknowledged changes, and in the middle of
// more: restarted on the same data, it has every acknowledged change, and the client's
// pending ones go up when it reconnects. `backup` copies the database while it runs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Store } from '../../server/store.ts';
import { connect, fakeDist, settled, tempDir, until, type Client, type Enrolled } from './harness.ts';

const dataDir = tempDir('kill-data');
const distDir = fakeDist();
const backupDir = tempDir('kill-backup');
const children: ChildProcess[] = [];
const clients: Client[] = [];

afterAll(() => {
  for (const client of clients) client.destroy();
  for (const child of children) child.kill('SIGKILL');
  for (const dir of [dataDir, distDir, backupDir]) rmSync(dir, { recursive: true, force: true });
});

/** Starts `tsx server/main.ts` as its own process (one process: node with tsx's loader) and waits for its URL. */
async function startChild(port = 0): Promise<{ child: ChildProcess; port: number; startedIn: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /CLM Study at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, port: Number(new URL(url).port), startedIn: Date.now() - started };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const answers = (doc: Y.Doc) => doc.getMap<{ n: number }>('answers');

it('loses no acknowledged change when killed with SIGKILL mid-sync, and takes the pending ones on reconnect', async () => {
  const setup = new Store(dataDir);
  setup.init({ chapter: 'Kill Chapter', name: 'Ann', email: 'ann@example.org' });
  const { code } = setup.createInvite({ role: 'member', email: 'kim@example.org' });
  setup.close();

  const first = await startChild();
  const enrolled = (await (
    await fetch(`http://127.0.0.1:${first.port}/api/enrol`, {
      method: 'POST',
      body: JSON.stringify({ code, label: 'Laptop' }),
    })
  ).json()) as Enrolled;
  const name = `user:${enrolled.person.id}`;
  const wsUrl = `ws://127.0.0.1:${first.port}/sync`;
  const writer = connect(wsUrl, name, enrolled.token);
  clients.push(writer);
  await settled(writer);

  // 200 answers, each its own update, all acknowledged by the server.
  for (let n = 0; n < 200; n++) answers(writer.doc).set(`acked-${n}`, { n });
  await settled(writer, 'the 200 answers to be acknowledged');
  // More answers are on their way when the server is killed.
  for (let n = 0; n < 50; n++) answers(writer.doc).set(`pending-${n}`, { n });
  await kill(first.child);
  // The device stays away until the restarted server has been read, so only the server's own
  // data can answer the reader.
  writer.destroy();

  const second = await startChild(first.port);
  const reader = connect(wsUrl, name, enrolled.token);
  clients.push(reader);
  await settled(reader, 'a fresh client to sync after the restart');
  const keys = [...answers(reader.doc).keys()];
  for (let n = 0; n < 200; n++) expect(keys).toContain(`acked-${n}`);

  // The device comes back (a new provider on its same local document) and sends what was not acknowledged.
  const back = connect(wsUrl, name, enrolled.token, writer.doc);
  clients.push(back);
  await settled(back, 'the device to reconnect and send its pending answers', 10_000);
  await until(() => answers(reader.doc).size === 250, 'the pending answers to reach the reader');

  // backup (the CLI, another process) while the server runs: a file that opens with the same document.
  const file = join(backupDir, 'clm-study.sqlite');
  const backup = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'backup', file], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(backup.status, backup.stdout + backup.stderr).toBe(0);
  const copy = new Store(backupDir);
  const restored = new Y.Doc();
  Y.applyUpdate(restored, copy.fetchDocument(name) ?? new Uint8Array());
  expect(copy.documentNames()).toEqual([name]);
  expect(copy.chapterName()).toBe('Kill Chapter');
  expect(copy.device(enrolled.device.id)?.label).toBe('Laptop');
  expect([...answers(restored).keys()].sort()).toEqual([...answers(reader.doc).keys()].sort());
  copy.close();
  console.log(`server start: ${first.startedIn} ms, restart: ${second.startedIn} ms`);
}, 40_000);
