// @vitest-environment node
// Two devices of one person, each with its own IndexedDB database (fake-indexeddb), each with
// history written offline, sign in and sync through a real Hocuspocus server in this process:
// both end with the same answers (each once), the same cards, progress and days, and a mock
// exam submitted on one shows on the other; later offline reviews of one question on both
// converge too; a refused token says so and keeps the data.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Server } from '@hocuspocus/server';
import { ClmDatabase, db as phone, noteLocalChange, type AnswerRecord } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { createAttempt, chooseOption } from '../../src/db/attempts';
import { submitAttempt } from '../../src/db/exam-submit';
import { setFlag } from '../../src/db/study';
import { replayQuestions, addToDays } from '../../src/lib/replay';
import { OTHER_PERSON_MESSAGE, startSync, REFUSED_MESSAGE, type SyncHandle } from '../../src/sync/engine';
import type { Account } from '../../src/db/account';

const DAY = 86_400_000;
const T0 = Date.parse('2027-03-01T09:00:00Z');
let server: Server;
let revoked = false;
let url: string;
const laptop = new ClmDatabase('clm-study-laptop');
const handles: SyncHandle[] = [];

const account = (deviceId: string, token = 'good'): Account => ({
  token,
  person: { id: 'p-1', name: 'Ann Lee', email: 'ann@example.org', roles: ['member'] },
  device: { id: deviceId, label: deviceId },
  signedInAt: T0,
});

function sync(database: ClmDatabase, deviceId: string, token?: string): SyncHandle {
  const h = startSync(account(deviceId, token), { database, url, WebSocketPolyfill: WebSocket });
  handles.push(h);
  return h;
}

/** The laptop's own history, written as a device that recorded it would hold it. */
async function answerOnLaptop(a: Omit<AnswerRecord, 'id' | 'uid'>): Promise<void> {
  const record = { ...a, uid: crypto.randomUUID() };
  await laptop.transaction('rw', [laptop.answers, laptop.cards, laptop.progress, laptop.days], async () => {
    await laptop.answers.add(record);
    const all = await laptop.answers.where('questionId').equals(a.questionId).toArray();
    const { cards, progress } = replayQuestions(all);
    await laptop.cards.bulkPut(cards);
    await laptop.progress.bulkPut(progress);
    await laptop.days.bulkPut(addToDays(await laptop.days.toArray(), [record]));
  });
  noteLocalChange('answers');
}

async function until(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const tables = async (d: ClmDatabase) => ({
  answers: (await d.answers.toArray()).map(({ id: _id, ...a }) => a).sort((a, b) => a.uid!.localeCompare(b.uid!)),
  cards: await d.cards.orderBy('questionId').toArray(),
  progress: await d.progress.orderBy('questionId').toArray(),
  days: await d.days.orderBy('day').toArray(),
});

const newServer = (port: number) =>
  new Server({
    port,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token }) {
      if (token !== 'good' || revoked) throw new Error('revoked');
    },
  });

beforeAll(async () => {
  server = newServer(0);
  await server.listen();
  url = server.webSocketURL;
  await Promise.all([phone.open(), laptop.open()]);
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.stop()));
});

afterAll(async () => {
  await server.destroy();
  phone.close();
  laptop.close();
});

describe('two devices of one person', () => {
  it('merge both offline histories on first sign-in: same answers once, same cards, a submitted exam on both', async () => {
    // Offline, before signing in: both answer the same question and others.
    await recordAnswer({ questionId: 'q-shared', choice: [0], correct: true, context: 'area:x', at: T0 });
    await answerOnLaptop({ questionId: 'q-shared', choice: [1], correct: false, context: 'area:x', at: T0 + 60_000 });
    await recordAnswer({
      questionId: 'q-phone',
      choice: [2],
      correct: false,
      context: 'area:x',
      at: T0 + 120_000,
      ms: 9000,
    });
    await answerOnLaptop({
      questionId: 'q-laptop',
      choice: [0],
      correct: true,
      context: 'area:x',
      at: T0 + DAY,
      ms: 4000,
    });
    await setFlag('q-phone', true);
    const exam = await createAttempt(
      { kind: 'exam', title: 'Mock exam 1', source: { type: 'exam' }, seed: 1, questionIds: ['q-exam'] },
      T0,
    );
    await chooseOption(exam.id, 'q-exam', [1], T0 + 1000);
    await submitAttempt(
      exam.id,
      [{ id: 'q-exam', area: 'a', subarea: 's', options: [{ correct: false }, { correct: true }] }],
      T0 + 2000,
    );

    const a = sync(phone, 'phone');
    const b = sync(laptop, 'laptop');
    await until(
      'both devices to hold the 5 answers',
      async () => (await phone.answers.count()) === 5 && (await laptop.answers.count()) === 5,
    );
    await until('both to be synced', async () => a.status().state === 'synced' && b.status().state === 'synced');
    await Promise.all([a.settled(), b.settled()]);

    const [onPhone, onLaptop] = await Promise.all([tables(phone), tables(laptop)]);
    expect(new Set(onPhone.answers.map((x) => x.uid)).size).toBe(5);
    expect(onLaptop).toEqual(onPhone);
    expect(onPhone.cards.map((c) => c.questionId)).toEqual(['q-exam', 'q-laptop', 'q-phone', 'q-shared']);
    expect(onPhone.progress.find((p) => p.questionId === 'q-shared')).toMatchObject({
      answers: 2,
      rights: 1,
      wrong: 1,
    });
    const submitted = await laptop.attempts.get(exam.id);
    expect(submitted).toMatchObject({
      status: 'submitted',
      title: 'Mock exam 1',
      result: { overall: { correct: 1, total: 1 } },
    });
    expect(await laptop.flags.get('q-phone')).toMatchObject({ questionId: 'q-phone' });
    expect(a.status()).toMatchObject({ state: 'synced', pending: 0 });
    expect(a.status().lastSyncedAt).toBeGreaterThan(0);
    // The document itself is kept in each device's own database (y-dexie's updates table).
    expect(await phone.table('$syncDocs.doc_updates').count()).toBeGreaterThan(0);
    expect(await laptop.table('$syncDocs.doc_updates').count()).toBeGreaterThan(0);
  });

  it('converge after both review one question offline, whichever arrives first', async () => {
    // The phone reviews while the laptop is offline; then the laptop, offline, reviews the same question.
    const a = sync(phone, 'phone');
    await until('phone synced', async () => a.status().state === 'synced');
    await recordAnswer({ questionId: 'q-shared', choice: [0], correct: true, context: 'area:x', at: T0 + 10 * DAY });
    await answerOnLaptop({ questionId: 'q-shared', choice: [0], correct: true, context: 'area:x', at: T0 + 9 * DAY });
    await until('phone synced again', async () => a.status().state === 'synced' && a.status().pending === 0);
    const b = sync(laptop, 'laptop');
    await until(
      'both hold 7 answers',
      async () => (await phone.answers.count()) === 7 && (await laptop.answers.count()) === 7,
    );
    await until('both synced', async () => a.status().state === 'synced' && b.status().state === 'synced');
    await Promise.all([a.settled(), b.settled()]);
    const [onPhone, onLaptop] = await Promise.all([tables(phone), tables(laptop)]);
    expect(onLaptop).toEqual(onPhone);
    expect(onPhone.progress.find((p) => p.questionId === 'q-shared')).toMatchObject({
      answers: 4,
      lastAt: T0 + 10 * DAY,
    });
  });

  it('a refused token shows the plain message and keeps the data on the device', async () => {
    const before = await laptop.answers.count();
    const h = sync(laptop, 'laptop', 'revoked-token');
    await until('refused', async () => h.status().state === 'refused');
    expect(h.status().message).toBe(REFUSED_MESSAGE);
    expect(await laptop.answers.count()).toBe(before);
  });

  it('keeps changes made while the server is down and sends them when it is back', async () => {
    const a = sync(phone, 'phone');
    const b = sync(laptop, 'laptop');
    await until('both synced', async () => a.status().state === 'synced' && b.status().state === 'synced');
    const port = server.address.port;
    await server.destroy();
    await until('phone offline', async () => a.status().state === 'offline');
    await recordAnswer({ questionId: 'q-down', choice: [0], correct: true, context: 'area:x', at: T0 + 20 * DAY });
    await until('a change waiting', async () => a.status().pending > 0);
    server = newServer(port);
    await server.listen();
    await until(
      'the laptop to get it',
      async () => (await laptop.answers.where('questionId').equals('q-down').count()) === 1,
      30_000,
    );
    await until(
      'both synced again',
      async () => a.status().state === 'synced' && b.status().state === 'synced',
      30_000,
    );
    await Promise.all([a.settled(), b.settled()]);
    expect(await tables(laptop)).toEqual(await tables(phone));
  }, 60_000);

  it('a device revoked while connected is closed (4401), says so, and keeps its data', async () => {
    const h = sync(phone, 'phone');
    await until('phone synced', async () => h.status().state === 'synced');
    const before = await phone.answers.count();
    revoked = true;
    // As the chapter server does on DELETE /api/devices/:id: the socket closed with 4401.
    for (const c of server.hocuspocus.documents.get('user:p-1')?.getConnections() ?? [])
      c.webSocket.close(4401, 'revoked');
    await until('refused', async () => h.status().state === 'refused');
    expect(h.status()).toMatchObject({ state: 'refused', message: REFUSED_MESSAGE });
    expect(await phone.answers.count()).toBe(before);
    revoked = false;
  });

  it('refuses to send another person’s data: a device that synced for one person, signed in as another', async () => {
    const before = await laptop.answers.count();
    const other = { ...account('laptop'), person: { id: 'p-2', name: 'Bo Park', email: 'bo@example.org', roles: [] } };
    const h = startSync(other, { database: laptop, url, WebSocketPolyfill: WebSocket });
    handles.push(h);
    await until('refused', async () => h.status().state === 'refused');
    expect(h.status().message).toBe(OTHER_PERSON_MESSAGE);
    expect(server.hocuspocus.documents.has('user:p-2')).toBe(false);
    expect(await laptop.answers.count()).toBe(before);
  });
});
