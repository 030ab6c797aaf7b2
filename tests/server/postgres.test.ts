// PostgreSQL on its own (one instance for the file, on loopback, in a temporary folder): a
// store never loses what another process appended, the report tables hold each member's
// hours by the one rule, and `migrate-to-postgres` copies a SQLite data folder, checked, with
// nothing lost, as often as it is run.
import { rmSync } from 'node:fs';
import { type Pool } from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer } from '../../server/app.ts';
import { runCli } from '../../server/cli.ts';
import { createPool, PostgresDocuments } from '../../server/postgres.ts';
import { PostgresReport, writeReport } from '../../server/postgres-report.ts';
import { loadPublished } from '../../server/published.ts';
import { Store } from '../../server/store.ts';
import { addHeldSession, addMember, CONTENT_DIR, events, FUTURE, HELD, record } from './chapter-fixture.ts';
import { fakeDist, tempDir } from './harness.ts';
import { startPostgres, type Service } from './services.ts';

let postgres: Service;
let pool: Pool;
const dataDir = tempDir('migrate');
const NOW = new Date('2026-12-02T15:00:00Z');

beforeAll(async () => {
  postgres = await startPostgres();
  pool = createPool(postgres.url, () => undefined);
}, 30_000);
afterAll(async () => {
  await pool?.end();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const json = (update: Uint8Array | null) => {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getMap('answers').toJSON();
};

it('keeps an update another process appended when a store brings a state without it', async () => {
  const documents = await PostgresDocuments.open(pool);
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.getMap('answers').set('mine', 1);
  theirs.getMap('answers').set('theirs', 2);
  // The other process acknowledged its answer (appended it); this one has not received it yet.
  await documents.appendUpdate('user:race', Y.encodeStateAsUpdate(theirs));
  await documents.storeDocument('user:race', Y.encodeStateAsUpdate(mine));
  expect(await documents.pendingUpdates('user:race')).toBe(0);
  expect(json(await documents.fetchDocument('user:race'))).toEqual({ mine: 1, theirs: 2 });
  // An older state stored later (a slow process) takes nothing away.
  await documents.storeDocument('user:race', Y.encodeStateAsUpdate(new Y.Doc()));
  expect(json(await documents.fetchDocument('user:race'))).toEqual({ mine: 1, theirs: 2 });
});

async function reportRows(chapterId: string) {
  const hours = await pool.query(
    'SELECT member_id, member_email, hours::float AS hours, attended, missed, held_hours::float AS held FROM ce_hours WHERE chapter_id = $1 ORDER BY member_id',
    [chapterId],
  );
  const attendance = await pool.query(
    'SELECT session_id, member_id, present, held, hours::float AS hours, credited_hours::float AS credited FROM attendance WHERE chapter_id = $1 ORDER BY session_id, member_id',
    [chapterId],
  );
  return { hours: hours.rows, attendance: attendance.rows };
}

it('writes attendance and CE hours by the one hours rule, and never goes back to an older state', async () => {
  await PostgresReport.open({ pool, program: async () => loadPublished(CONTENT_DIR), log: () => undefined });
  const program = loadPublished(CONTENT_DIR);
  const doc = new Y.Doc();
  addMember(doc, 'kim', 'Kim', ' Kim@Example.org ');
  addMember(doc, 'lee', 'Lee', 'lee@example.org');
  addHeldSession(doc);
  // Two phones check Kim in; one adjusts her to a partial 1.5 h later. Lee is checked in and undone.
  record(doc, { kind: 'check-in', sessionId: HELD, memberId: 'kim', hours: 2, at: 1, device: 'phone-1' });
  record(doc, { kind: 'check-in', sessionId: HELD, memberId: 'kim', hours: 2, at: 2, device: 'phone-2' });
  record(doc, { kind: 'adjust', sessionId: HELD, memberId: 'kim', hours: 1.5, at: 3 });
  const lee = record(doc, { kind: 'check-in', sessionId: HELD, memberId: 'lee', hours: 2, at: 4 });
  record(doc, { kind: 'undo', sessionId: HELD, memberId: 'lee', target: lee, at: 5 });
  // A session still to come counts nothing yet.
  record(doc, { kind: 'check-in', sessionId: FUTURE, memberId: 'lee', hours: 3, at: 6 });
  // Entries a device wrote in a wrong shape are skipped, never counted, and stop nothing.
  doc.getMap('members').set('broken', { id: 'broken' });
  doc.getMap('events').set('junk', { id: 'junk', kind: 'check-in', sessionId: HELD, memberId: 'kim', hours: '9' });
  const older = Y.encodeStateAsUpdate(doc);

  expect(await writeReport(pool, 'lakeshore', doc, program, NOW)).toBe(true);
  const expected = {
    hours: [
      { member_id: 'kim', member_email: 'kim@example.org', hours: 1.5, attended: 1, missed: 0, held: 2 },
      { member_id: 'lee', member_email: 'lee@example.org', hours: 0, attended: 0, missed: 1, held: 2 },
    ],
    attendance: [
      { session_id: FUTURE, member_id: 'lee', present: true, held: false, hours: 3, credited: 0 },
      { session_id: HELD, member_id: 'kim', present: true, held: true, hours: 1.5, credited: 1.5 },
    ],
  };
  expect(await reportRows('lakeshore')).toEqual(expected);
  expect(await writeReport(pool, 'lakeshore', doc, program, NOW)).toBe(false);

  // Lee's undo is undone: Lee is present again. A process still on the older state is behind: skipped.
  const undo = [...events(doc).values()].find((e) => e.kind === 'undo');
  record(doc, { kind: 'undo', sessionId: HELD, memberId: 'lee', target: undo?.id, at: 7 });
  expect(await writeReport(pool, 'lakeshore', doc, program, NOW)).toBe(true);
  const behind = new Y.Doc();
  Y.applyUpdate(behind, older);
  expect(await writeReport(pool, 'lakeshore', behind, program, NOW)).toBe(false);
  const rows = await reportRows('lakeshore');
  expect(rows.hours.find((r) => r.member_id === 'lee')).toMatchObject({ hours: 2, attended: 1, missed: 0 });
});

async function cli(...argv: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: postgres.url, CLM_CONTENT_DIR: CONTENT_DIR });
  const lines: string[] = [];
  try {
    const status = await runCli(argv, (line) => lines.push(line));
    return { status, output: lines.join('\n') };
  } finally {
    process.env = saved;
  }
}

it('migrate-to-postgres copies every document with its pending updates, checked, and again adds only what is new', async () => {
  const store = new Store(dataDir);
  const user = new Y.Doc();
  const updates: Uint8Array[] = [];
  user.on('update', (u: Uint8Array) => updates.push(u));
  for (let n = 0; n < 20; n++) user.getMap('answers').set(`stored-${n}`, n);
  store.storeDocument('user:kim', Y.encodeStateAsUpdate(user));
  updates.length = 0;
  for (let n = 0; n < 5; n++) user.getMap('answers').set(`pending-${n}`, n);
  for (const u of updates.splice(0)) store.appendUpdate('user:kim', u);
  const chapter = new Y.Doc();
  addMember(chapter, 'kim', 'Kim', 'kim@example.org');
  addHeldSession(chapter);
  record(chapter, { kind: 'check-in', sessionId: HELD, memberId: 'kim', hours: 2 });
  store.appendUpdate('chapter:migrated', Y.encodeStateAsUpdate(chapter));
  expect(store.pendingUpdates('user:kim')).toBe(5);

  const first = await cli('migrate-to-postgres');
  expect(first.output).toContain('Copied 2 document(s)');
  expect(first.output).toContain('6 update(s) from the log folded in; 0 already there), 2 checked');
  expect(first.status).toBe(0);
  const documents = new PostgresDocuments(pool);
  expect(json(await documents.fetchDocument('user:kim'))).toEqual(user.getMap('answers').toJSON());
  expect(Object.keys(json(await documents.fetchDocument('user:kim')))).toHaveLength(25);
  expect((await reportRows('migrated')).hours).toEqual([
    { member_id: 'kim', member_email: 'kim@example.org', hours: 2, attended: 1, missed: 0, held: 2 },
  ]);

  const again = await cli('migrate-to-postgres');
  expect(again.output).toContain('2 already there');
  expect(again.status).toBe(0);

  // More answers reach SQLite (the one-machine server kept running): a later run adds them.
  user.getMap('answers').set('late', 1);
  for (const u of updates.splice(0)) store.appendUpdate('user:kim', u);
  expect((await cli('migrate-to-postgres')).output).toContain('1 already there');
  expect(Object.keys(json(await documents.fetchDocument('user:kim')))).toHaveLength(26);
  // SQLite keeps its copy (a backup until the administrator removes it).
  expect(store.pendingUpdates('user:kim')).toBe(6);
  store.close();
});

it('refuses to migrate without DATABASE_URL, saying what to set', async () => {
  const saved = { ...process.env };
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
  const lines: string[] = [];
  try {
    expect(await runCli(['migrate-to-postgres'], (l) => lines.push(l))).toBe(1);
  } finally {
    process.env = saved;
  }
  expect(lines.join('\n')).toContain('needs DATABASE_URL=postgres://');
});

it('refuses to start on PostgreSQL while the SQLite file holds documents it lacks, and starts once they are copied', async () => {
  const dir = tempDir('unmigrated');
  const distDir = fakeDist();
  const store = new Store(dir);
  const doc = new Y.Doc();
  doc.getMap('answers').set('q1', 1);
  store.appendUpdate('user:new', Y.encodeStateAsUpdate(doc));
  store.close();
  const config = { port: 0, host: '127.0.0.1', dataDir: dir, distDir, databaseUrl: postgres.url, log: () => undefined };
  try {
    await expect(startServer(config)).rejects.toThrow(/1 document\(s\) that PostgreSQL does not .*migrate-to-postgres/);
    const saved = { ...process.env };
    Object.assign(process.env, { DATA_DIR: dir, DATABASE_URL: postgres.url, CLM_CONTENT_DIR: CONTENT_DIR });
    try {
      expect(await runCli(['migrate-to-postgres'], () => undefined)).toBe(0);
    } finally {
      process.env = saved;
    }
    const server = await startServer(config);
    expect(server.scaleOut.describe).toBe('documents in PostgreSQL');
    await server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(distDir, { recursive: true, force: true });
  }
});
