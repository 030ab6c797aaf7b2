// `npm run server -- migrate-to-postgres`: copies every document of the SQLite file in DATA_DIR
// (its state and the updates still waiting in its log) into PostgreSQL (DATABASE_URL), then
// checks each copy: applying the SQLite document to the PostgreSQL one must change nothing
// (same state vector, same deletions), so nothing was lost. The copy merges (Yjs updates merge
// as a union) into what PostgreSQL already holds, so running it again, or after more changes
// in SQLite, adds what is new and loses nothing. The chapters' report rows are written after.
// Accounts stay in the SQLite file, which every process on the host shares (docs/SCALE-OUT.md).
import { type Pool } from 'pg';
import * as Y from 'yjs';
import { mergeInto, PostgresDocuments } from './postgres.ts';
import { chapterIdOf, PostgresReport, writeReport } from './postgres-report.ts';
import type { Published } from './published.ts';
import type { Store } from './store.ts';

export interface Migration {
  /** Documents in the SQLite file. */
  documents: number;
  /** Updates that were waiting in SQLite's log, folded into the copies. */
  pendingUpdates: number;
  /** Documents PostgreSQL had already held everything of (an earlier run). */
  unchanged: number;
  /** Copies checked against the SQLite document. */
  verified: number;
  /** Chapters whose report rows were written. */
  chapters: number;
}

/** The state vector and deletions of a document: equal when two documents hold the same. */
const fingerprint = (doc: Y.Doc) => Buffer.from(Y.encodeSnapshot(Y.snapshot(doc)));

function docOf(update: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  if (update) Y.applyUpdate(doc, update);
  return doc;
}

export async function migrateToPostgres(
  store: Store,
  pool: Pool,
  program: () => Promise<Published>,
  log: (line: string) => void,
): Promise<Migration> {
  const documents = await PostgresDocuments.open(pool);
  await PostgresReport.open({ pool, program, log });
  const result: Migration = { documents: 0, pendingUpdates: 0, unchanged: 0, verified: 0, chapters: 0 };
  for (const name of store.documentNames()) {
    const source = store.fetchDocument(name);
    if (!source) continue;
    result.documents += 1;
    result.pendingUpdates += store.pendingUpdates(name);
    const before = docOf(await documents.fetchDocument(name));
    const had = fingerprint(before);
    Y.applyUpdate(before, source);
    if (had.equals(fingerprint(before))) result.unchanged += 1;
    else await mergeInto(pool, name, [source]);

    const copy = docOf(await documents.fetchDocument(name));
    const copied = fingerprint(copy);
    Y.applyUpdate(copy, source);
    if (!copied.equals(fingerprint(copy)))
      throw new Error(`The copy of ${name} in PostgreSQL lacks part of the SQLite document: nothing was removed.`);
    result.verified += 1;

    const chapterId = chapterIdOf(name);
    if (chapterId) {
      await writeReport(pool, chapterId, copy, await program());
      result.chapters += 1;
    }
    log(`${name}: copied and checked`);
  }
  return result;
}
