// The sync budgets of issue 11, on loopback: the chapter server as its own process
// (`node --import tsx server/main.ts`, as `npm start` runs it) in a fresh DATA_DIR for each
// measurement, and real Hocuspocus providers in this process (ws as their WebSocket), as
// tests/server/*.test.ts use them. The server's memory is its own process's resident set
// (/proc/<pid>/status: VmRSS sampled, and VmHWM, the kernel's peak).
//  1. A new device receives a history of 10,000 answers (median of 3).
//  2. The reverse, not a budget of the issue: a device connecting with 10,000 answers in its
//     document that the server lacks, which it sends up in one message.
//  3. An answer on one device shows on the other (p50/p95 of 200).
//  4. One server holding 1,000 connected devices (500 people x 2), each person with 200
//     answers: its peak memory, and propagation for 100 people (p50/p95).
// Run alone: npx tsx scripts/bench/sync.ts (prints the rows as docs/PERFORMANCE.md table lines).
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { answer, answersOf, ms, prepare, quantile, sleep, startChild, until, type Row } from './sync-fixtures.ts';
import { connect, failIfRefused, propagation, stopWithClients, synced, type Client } from './sync-clients.ts';

export type { Row } from './sync-fixtures.ts';
export { prepare, startChild } from './sync-fixtures.ts';

// ---- The three measurements ---------------------------------------------------------------

async function newDeviceHistory(row: Row) {
  const HISTORY = 10_000;
  const { dataDir, people } = await prepare(1, 2);
  const [a, b] = people[0] ?? [];
  if (!a || !b) throw new Error('sync bench: no devices');
  const server = await startChild(dataDir);
  try {
    const writer = connect(server.wsUrl, a);
    await until(() => synced(writer), 'device A to sync', 10_000);
    const writeStart = performance.now();
    for (let chunk = 0; chunk < HISTORY / 1000; chunk++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 1000; i++) {
          const record = answer();
          answersOf(writer.doc).set(record.uid, record);
        }
      });
      await until(() => synced(writer), 'device A to have its answers acknowledged', 30_000);
    }
    const uploadMs = performance.now() - writeStart;
    const bytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    failIfRefused(writer);
    writer.destroy();
    // Device A is gone: the server stores the document and unloads it, so each new device
    // below makes it load the history from SQLite.
    await sleep(1000);
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const doc = new Y.Doc();
      const reader = connect(server.wsUrl, b, doc);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('sync bench: device B did not sync in 30 s')), 30_000);
        reader.provider.on('synced', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      runs.push(performance.now() - started);
      failIfRefused(reader);
      const got = answersOf(doc).size;
      if (got !== HISTORY) throw new Error(`sync bench: device B got ${got} answers, not ${HISTORY}`);
      reader.destroy();
      await sleep(1000);
    }
    const mid = quantile(runs, 0.5);
    row(
      'Sync: a new device receives 10,000 answers (connect to synced, median of 3)',
      '<= 5 s',
      `${(mid / 1000).toFixed(2)} s (runs ${runs.map((r) => (r / 1000).toFixed(2)).join(', ')} s; document ${(bytes / 2 ** 20).toFixed(1)} MiB, loaded from SQLite each time; uploading it from device A in chunks of 1,000: ${(uploadMs / 1000).toFixed(1)} s)`,
      mid <= 5000,
    );
  } finally {
    await stopWithClients(server);
  }
}

async function firstSignIn(row: Row) {
  const HISTORY = 10_000;
  const what =
    'Sync: a device connects holding 10,000 answers the server lacks (its first upload after a drop; connect to all acknowledged)';
  const budget = '<= 5 s (as receiving them; not a budget of the issue)';
  const { dataDir, people } = await prepare(1, 2);
  const [a, b] = people[0] ?? [];
  if (!a || !b) throw new Error('sync bench: no devices');
  const server = await startChild(dataDir);
  try {
    // The device's own history, already in its document (as y-dexie restores it), none on the
    // server: the app pushes its tables into the document in updates of 1,000 once synced, but
    // straight away when the server is out of reach, and what did not go up before a drop goes
    // up on reconnect as one sync message (step 2).
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < HISTORY; i++) {
        const record = answer();
        answersOf(doc).set(record.uid, record);
      }
    });
    const bytes = Y.encodeStateAsUpdate(doc).byteLength;
    const size = `${(bytes / 2 ** 20).toFixed(2)} MiB`;
    const started = performance.now();
    const uploader = connect(server.wsUrl, a, doc);
    try {
      await until(() => synced(uploader), 'the history to be acknowledged', 15_000);
    } catch {
      const tooBig = uploader.closes.filter((code) => code === 1009).length;
      row(
        what,
        budget,
        `not in 15 s: the device sends its whole history (${size}) as one message${tooBig ? `, and the server closed the socket ${tooBig} times with 1009 (message too big: over its 2 MiB limit)` : ''}`,
        false,
      );
      return;
    }
    const took = performance.now() - started;
    failIfRefused(uploader);
    const reader = connect(server.wsUrl, b);
    await until(() => synced(reader), 'another device to sync', 15_000);
    const got = answersOf(reader.doc).size;
    row(
      what,
      budget,
      `${(took / 1000).toFixed(2)} s (${size}; another device then received ${got.toLocaleString('en-US')})`,
      took <= 5000 && got === HISTORY,
    );
  } finally {
    await stopWithClients(server);
  }
}

async function twoDevices(row: Row) {
  const { dataDir, people } = await prepare(1, 2, 200);
  const [a, b] = people[0] ?? [];
  if (!a || !b) throw new Error('sync bench: no devices');
  const server = await startChild(dataDir);
  try {
    const sender = connect(server.wsUrl, a);
    const receiver = connect(server.wsUrl, b);
    await until(() => synced(sender) && synced(receiver), 'both devices to sync', 10_000);
    const latencies = await propagation([[sender, receiver]], 200, 20);
    await until(() => synced(sender), 'device A to have its answers acknowledged', 10_000);
    failIfRefused(sender);
    failIfRefused(receiver);
    sender.destroy();
    receiver.destroy();
    const p95 = quantile(latencies, 0.95);
    row(
      'Sync: an answer on one device shows on the other (p95 of 200, one every 20 ms)',
      '<= 1 s',
      `${ms(p95)} (p50 ${ms(quantile(latencies, 0.5))}, max ${ms(Math.max(...latencies))})`,
      p95 <= 1000,
    );
  } finally {
    await stopWithClients(server);
  }
}

async function thousandDevices(row: Row) {
  const PEOPLE = 500;
  const prepared = performance.now();
  const { dataDir, people } = await prepare(PEOPLE, 2, 200);
  const prepareMs = performance.now() - prepared;
  const server = await startChild(dataDir);
  const idleKiB = server.rssKiB();
  const clients: Client[][] = people.map(() => []);
  try {
    const connectStart = performance.now();
    const serverCpu = server.cpuSeconds();
    const clientCpu = process.cpuUsage();
    // 50 devices at a time, each batch synced before the next starts.
    const devices = people.flatMap((pair, index) => pair.map((device) => ({ device, index })));
    for (let i = 0; i < devices.length; i += 50) {
      const batch = devices.slice(i, i + 50).map(({ device, index }) => {
        const client = connect(server.wsUrl, device);
        clients[index]?.push(client);
        return client;
      });
      await until(() => batch.every(synced), 'a batch of 50 devices to sync', 60_000);
      for (const client of batch) failIfRefused(client);
    }
    const used = process.cpuUsage(clientCpu);
    const connectCpu = `CPU: server ${(server.cpuSeconds() - serverCpu).toFixed(1)} s, clients ${((used.user + used.system) / 1e6).toFixed(1)} s`;
    const connectMs = performance.now() - connectStart;
    const pairs = clients.map(([first, second]) => {
      if (!first || !second) throw new Error('sync bench: a person without two devices');
      return [first, second] as [Client, Client];
    });
    for (const [first, second] of pairs)
      if (answersOf(first.doc).size !== 200 || answersOf(second.doc).size !== 200)
        throw new Error("sync bench: a device did not receive its person's 200 answers");
    await sleep(1000);
    const heldKiB = server.rssKiB();
    // 100 people picked at random, one answer each on their first device, one every 20 ms.
    const shuffled = [...pairs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as [Client, Client], shuffled[i] as [Client, Client]];
    }
    const picked = shuffled.slice(0, 100);
    const latencies = await propagation(picked, 100, 20);
    await until(() => picked.every(([first]) => synced(first)), 'the 100 answers to be acknowledged', 15_000);
    const connected = clients.flat().filter((client) => client.provider.isSynced).length;
    const peakKiB = server.peakRssKiB();
    const p95 = quantile(latencies, 0.95);
    const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
    row(
      'Sync: one server process holding 1,000 connected devices (500 people x 2, 200 answers each): peak resident memory',
      '<= 1 GiB',
      `${mib(peakKiB)} (idle ${mib(idleKiB)}, ${connected.toLocaleString('en-US')} devices connected ${mib(heldKiB)}; connected 50 at a time in ${(connectMs / 1000).toFixed(1)} s, ${connectCpu}; clients in one Node process on the same 2-core machine)`,
      peakKiB <= 1024 * 1024 && connected === 2 * PEOPLE,
    );
    row(
      'Sync: propagation with 1,000 devices connected (p95 of 100 people, one answer every 20 ms)',
      '<= 500 ms',
      `${ms(p95)} (p50 ${ms(quantile(latencies, 0.5))}, max ${ms(Math.max(...latencies))}; setup of 500 people in ${(prepareMs / 1000).toFixed(1)} s)`,
      p95 <= 500,
    );
  } finally {
    await stopWithClients(server);
  }
}

/** The sync section of npm run bench: adds its rows with `row`. */
export async function benchSync(row: Row): Promise<void> {
  // A measurement that fails is a row over budget saying why, and the others still run.
  const failed = (what: string, budget: string) => (error: unknown) =>
    row(what, budget, `failed: ${error instanceof Error ? error.message : String(error)}`, false);
  await newDeviceHistory(row).catch(failed('Sync: a new device receives 10,000 answers', '<= 5 s'));
  await firstSignIn(row).catch(failed('Sync: a device connects holding 10,000 answers the server lacks', '<= 5 s'));
  await twoDevices(row).catch(failed('Sync: an answer on one device shows on the other', '<= 1 s'));
  await thousandDevices(row).catch(
    failed('Sync: one server process holding 1,000 connected devices', '<= 1 GiB, propagation p95 <= 500 ms'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const lines: string[] = [];
  let allOk = true;
  const started = performance.now();
  await benchSync((what, budget, measured, ok) => {
    console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${measured} (budget ${budget})`);
    lines.push(`| ${what} | ${budget} | ${measured} | ${ok ? 'ok' : '**over**'} |`);
    allOk &&= ok;
  });
  console.log(`\nRows for docs/PERFORMANCE.md (sync section, ${((performance.now() - started) / 1000).toFixed(0)} s):`);
  console.log(lines.join('\n'));
  process.exit(allOk ? 0 : 1);
}
