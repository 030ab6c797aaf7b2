// The person's Yjs document, kept in the app's own database with y-dexie. Loaded only by the
// sync engine (a dynamic import after sign-in), so yjs and y-dexie never reach the first route.
// A second Dexie instance opens the same database with the y-dexie addon and declares the
// latest version with `syncDocs: 'id, doc: Y.Doc'`: the addon turns that into the plain tables
// the app's own instance declares (syncDocs 'id' and "$syncDocs.doc_updates" '++i,k'), so both
// see one physical schema and neither ever upgrades the other.
import { Dexie, type EntityTable } from 'dexie';
import yDexie, { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { LATEST_VERSION } from './schema';

interface SyncDocRow {
  id: string;
  doc: Y.Doc;
}

type YDatabase = Dexie & { syncDocs: EntityTable<SyncDocRow, 'id'> };

export interface LoadedDoc {
  doc: Y.Doc;
  /** Other documents this database holds (another person synced here before). */
  others: string[];
  /** Releases the document and closes this instance (the app's own instance stays open). */
  close(): void;
}

/** Opens document `docId` of database `dbName` (the app's, already opened at the latest version). */
export async function openSyncDoc(dbName: string, docId: string): Promise<LoadedDoc> {
  const ydb = new Dexie(dbName, { addons: [yDexie] }) as YDatabase;
  ydb.version(LATEST_VERSION).stores({ syncDocs: 'id, doc: Y.Doc' });
  await ydb.open();
  // y-dexie destroys a document whose row is gone: the row must exist before the doc is loaded.
  await ydb.transaction('rw', ydb.syncDocs, async () => {
    if (!(await ydb.syncDocs.get(docId))) await ydb.syncDocs.add({ id: docId } as SyncDocRow);
  });
  const others = ((await ydb.syncDocs.toCollection().primaryKeys()) as string[]).filter((id) => id !== docId);
  const row = await ydb.syncDocs.get(docId);
  if (!row) throw new Error(`The synced document ${docId} could not be created.`);
  const doc = row.doc;
  const provider = DexieYProvider.load(doc);
  await provider.whenLoaded;
  return {
    doc,
    others,
    close: () => {
      DexieYProvider.release(doc);
      ydb.close();
    },
  };
}
