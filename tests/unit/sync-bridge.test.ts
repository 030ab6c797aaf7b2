// @vitest-environment node
// The bridge between a device's tables and the person's document, two devices linked by their
// documents directly (no server): flags and settings go to the latest change (a cleared one
// too), a removed CE entry is removed on the other device, a submitted attempt is never
// overwritten by an older active copy, and a row written without telling the bridge (a crash
// between the two writes) reaches the document at the next start.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClmDatabase, db as phone, onLocalChange, type AttemptRecord } from '../../src/db/db';
import { localStore } from '../../src/db/sync-local';
import { setFlag, setSetting } from '../../src/db/study';
import { setNewPerDay } from '../../src/db/settings';
import { logEducation, removeEducation } from '../../src/features/hours/data';
import { Bridge } from '../../src/sync/bridge';

const laptop = new ClmDatabase('clm-study-bridge-laptop');
const stops: (() => void)[] = [];

/** Two devices whose documents exchange every update at once. */
async function linked(): Promise<{ a: Bridge; b: Bridge; settle: () => Promise<void> }> {
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  docA.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(docB, u, 'link'));
  docB.on('update', (u: Uint8Array, origin: unknown) => origin !== 'link' && Y.applyUpdate(docA, u, 'link'));
  const a = new Bridge(docA, localStore(phone));
  const b = new Bridge(docB, localStore(laptop));
  // Only the phone's writes go through the app's functions (the app's database); the laptop's are direct.
  stops.push(onLocalChange((c) => a.localChange(c)));
  stops.push(
    () => a.stop(),
    () => b.stop(),
  );
  await a.start();
  await b.start();
  const settle = async () => {
    for (let i = 0; i < 3; i++) await Promise.all([a.idle(), b.idle(), new Promise((r) => setTimeout(r, 10))]);
  };
  return { a, b, settle };
}

beforeAll(async () => {
  await Promise.all([phone.open(), laptop.open()]);
});

afterEach(async () => {
  stops.splice(0).forEach((s) => s());
  await Promise.all(
    [phone, laptop].map((d) => d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())))),
  );
});

describe('the sync bridge', () => {
  it('takes a flag set and then cleared on one device to the other', async () => {
    const { settle } = await linked();
    await setFlag('q-1', true);
    await settle();
    expect(await laptop.flags.get('q-1')).toBeDefined();
    await new Promise((r) => setTimeout(r, 5));
    await setFlag('q-1', false);
    await settle();
    expect(await laptop.flags.get('q-1')).toBeUndefined();
  });

  it('gives synced settings the latest value, a cleared one too, and leaves device settings alone', async () => {
    await laptop.settings.put({ key: 'examDate', value: '2027-05-01', at: 1 });
    const { settle } = await linked();
    expect((await phone.settings.get('examDate'))?.value).toBe('2027-05-01');
    await setSetting('examDate', '2027-06-01');
    await setNewPerDay(15);
    await setSetting('lastExportAt', 123);
    await settle();
    expect((await laptop.settings.get('examDate'))?.value).toBe('2027-06-01');
    expect((await laptop.settings.get('newPerDay'))?.value).toBe(15);
    expect(await laptop.settings.get('lastExportAt')).toBeUndefined();
    await setNewPerDay(undefined);
    await settle();
    expect(await laptop.settings.get('newPerDay')).toBeUndefined();
  });

  it('adds CE entries on the other device, and removes them there when removed', async () => {
    const { settle } = await linked();
    await logEducation({ date: '2027-01-20', title: 'Ethics webinar', hours: 1.5, category: '', kind: 'self-study' });
    await settle();
    const [entry] = await laptop.education.toArray();
    expect(entry).toMatchObject({ title: 'Ethics webinar', hours: 1.5 });
    await removeEducation(entry?.id ?? '');
    await settle();
    expect(await laptop.education.count()).toBe(0);
  });

  it('never lets an older active copy overwrite a submitted attempt, on either device', async () => {
    const active: AttemptRecord = {
      id: 'exam-1',
      kind: 'exam',
      title: 'Mock exam',
      source: { type: 'exam' },
      seed: 1,
      questionIds: ['q-1'],
      position: 0,
      responses: {},
      marked: [],
      status: 'active',
      createdAt: 1,
      updatedAt: 1,
    };
    await phone.attempts.put({ ...active, status: 'submitted', updatedAt: 5, submittedAt: 5 });
    await laptop.attempts.put({ ...active, position: 1, updatedAt: 999_999 });
    const { settle } = await linked();
    await settle();
    expect((await laptop.attempts.get('exam-1'))?.status).toBe('submitted');
    expect((await phone.attempts.get('exam-1'))?.status).toBe('submitted');
  });

  it('sends at start the answers written without a word to the bridge (a crash between the writes)', async () => {
    await phone.answers.add({
      uid: 'u-crash',
      questionId: 'q-5',
      choice: [0],
      correct: true,
      at: 10,
      context: 'area:x',
    });
    const { settle } = await linked();
    await settle();
    expect((await laptop.answers.where('uid').equals('u-crash').toArray()).length).toBe(1);
    expect(await laptop.cards.get('q-5')).toBeDefined();
    expect(await laptop.progress.get('q-5')).toMatchObject({ answers: 1, rights: 1 });
  });
});
