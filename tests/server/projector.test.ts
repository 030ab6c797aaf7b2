// The projector on a real server: official hours are written only when they differ (a second
// process, or a restart, computing the same figures adds nothing to the hours document), and a
// member no longer matched to the person (their email changed on the roster) loses the figures.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { chapterDocName, hoursDocName } from '../../src/lib/chapter-doc.ts';
import { Store } from '../../server/store.ts';
import { connect, settled, startTestServer, tempDir, until, type Client } from './harness.ts';
import { addEvents, event, member, members, official } from './chapter-fixtures.ts';

const dataDir = tempDir('projector');
const clients: Client[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('adds nothing when a restarted server computes the same figures, and removes them when the member no longer matches', async () => {
  const first = await startTestServer({ dataDir });
  const committee = await first.enrolPerson('cy@example.org', 'committee');
  const mo = await first.enrolPerson('mo@example.org', 'member');
  const name = chapterDocName(first.store.chapterId());
  const phone = connect(first.wsUrl, name, committee.token);
  clients.push(phone);
  await settled(phone);
  const record = member('Mo', 'mo@example.org');
  members(phone.doc).set(record.id, record);
  addEvents(phone.doc, [event('check-in', 'technology', record.id, { hours: 3 })]);
  await settled(phone);
  const hours = connect(first.wsUrl, hoursDocName(mo.person.id), mo.token);
  clients.push(hours);
  await until(() => official(hours.doc)?.hours === 3, "Mo's official hours");
  for (const client of clients.splice(0)) client.destroy();
  await first.projection.idle();
  await first.close();
  rmSync(first.distDir, { recursive: true, force: true });
  const stateVector = (state: Uint8Array | null) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    return { vector: Y.encodeStateVector(doc), hours: official(doc)?.hours };
  };
  const closed = new Store(dataDir);
  const before = stateVector(closed.fetchDocument(hoursDocName(mo.person.id)));
  closed.close();
  expect(before.hours).toBe(3);

  // A second process on the same data (as after a restart) computes the same figures: no write.
  const second = await startTestServer({ dataDir });
  await second.projection.idle();
  expect(second.store.pendingUpdates(hoursDocName(mo.person.id))).toBe(0);
  expect(stateVector(second.store.fetchDocument(hoursDocName(mo.person.id))).vector).toEqual(before.vector);
  // Opening it (which makes the projector read it again) changes nothing either.
  const again = connect(second.wsUrl, hoursDocName(mo.person.id), mo.token);
  clients.push(again);
  await settled(again);
  await second.projection.idle();
  expect(Y.encodeStateVector(again.doc)).toEqual(before.vector);

  // The committee corrects Mo's email on the roster: the figures leave Mo's person.
  const phone2 = connect(second.wsUrl, name, committee.token);
  clients.push(phone2);
  await settled(phone2);
  members(phone2.doc).set(record.id, { ...record, email: 'someone.else@example.org', updatedAt: 2 });
  await until(() => official(again.doc) === undefined, "Mo's figures to be removed");
  await second.stop();
});
