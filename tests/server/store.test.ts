// The SQLite store of documents: updates appended one by one come back with the state, and
// storing the state folds them in (the log is emptied) without losing any.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Store } from '../../server/store.ts';
import { tempDir } from './harness.ts';

const dir = tempDir('store');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('returns state plus appended updates, and folds them into the state when stored', () => {
  const store = new Store(dir);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const answers = doc.getMap<number>('answers');
  expect(store.fetchDocument('user:x')).toBeNull();

  answers.set('a', 1);
  answers.set('b', 2);
  for (const u of updates.splice(0)) store.appendUpdate('user:x', u);
  const read = (s: Store) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, s.fetchDocument('user:x') ?? new Uint8Array());
    return copy.getMap<number>('answers').toJSON();
  };
  expect(read(store)).toEqual({ a: 1, b: 2 });
  expect(store.documentNames()).toEqual(['user:x']);

  store.storeDocument('user:x', Y.encodeStateAsUpdate(doc));
  expect(store.pendingUpdates('user:x')).toBe(0);
  answers.set('c', 3);
  for (const u of updates.splice(0)) store.appendUpdate('user:x', u);
  expect(store.pendingUpdates('user:x')).toBe(1);
  store.close();

  // Opened again (as after a restart): everything is there.
  const reopened = new Store(dir);
  expect(read(reopened)).toEqual({ a: 1, b: 2, c: 3 });
  reopened.close();
});
