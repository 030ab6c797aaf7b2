// Documents in PostgreSQL (DATABASE_URL), with the same durability as the SQLite store: every
// update a client sends is appended to `document_updates` (committed) before it is
// acknowledged (persistence.ts), and the debounced store folds the log into `documents`.
//
// Several processes store the same document (they share it through Redis), so a store never
// overwrites: in one transaction it locks the document's row, merges the state it has, the
// updates appended so far (by any process) and the state it was given (Yjs updates merge as a
// union), writes that and deletes exactly the updates it merged. An update committed after
// the merge read the log stays in the log for the next store: nothing acknowledged is lost.
import { Pool, type PoolClient } from 'pg';
import * as Y from 'yjs';
import type { DocumentStore } from './persistence.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  name text PRIMARY KEY,
  state bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS document_updates (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  update_data bytea NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, id);
`;

/** Schema changes from several processes starting at once take turns on this lock. */
const SCHEMA_LOCK = 0x636c6d;

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** A pool on DATABASE_URL; a connection lost while idle is logged, not fatal. */
export function createPool(url: string, log: (line: string) => void): Pool {
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on('error', (error) => log(`PostgreSQL connection error: ${error.message}`));
  return pool;
}

/** Runs `work` in one transaction on one connection (rolled back if it throws). */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Creates tables that are missing (idempotent, safe from several processes at once). */
export async function ensureSchema(pool: Pool, sql: string): Promise<void> {
  await transaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(sql);
  });
}

export class PostgresDocuments implements DocumentStore {
  constructor(readonly pool: Pool) {}

  static async open(pool: Pool): Promise<PostgresDocuments> {
    await ensureSchema(pool, SCHEMA);
    return new PostgresDocuments(pool);
  }

  async fetchDocument(name: string): Promise<Uint8Array | null> {
    // One statement, one snapshot: the state and the log as they were at the same moment.
    const { rows } = await this.pool.query<{ data: Buffer }>(
      `SELECT data FROM (
         SELECT 0 AS part, 0::bigint AS id, state AS data FROM documents WHERE name = $1
         UNION ALL SELECT 1, id, update_data FROM document_updates WHERE name = $1
       ) parts ORDER BY part, id`,
      [name],
    );
    const parts = rows.map((row) => new Uint8Array(row.data));
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    await this.pool.query('INSERT INTO document_updates (name, update_data) VALUES ($1, $2)', [name, bytes(update)]);
  }

  async storeDocument(name: string, state: Uint8Array): Promise<void> {
    await mergeInto(this.pool, name, [state]);
  }

  async pendingUpdates(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM document_updates WHERE name = $1',
      [name],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Which of these names PostgreSQL holds nothing of. */
  async missing(names: string[]): Promise<string[]> {
    const { rows } = await this.pool.query<{ name: string }>(
      `SELECT name FROM unnest($1::text[]) AS wanted(name)
       WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.name = wanted.name)
         AND NOT EXISTS (SELECT 1 FROM document_updates u WHERE u.name = wanted.name)`,
      [names],
    );
    return rows.map((row) => row.name);
  }

  async documentNames(): Promise<string[]> {
    const { rows } = await this.pool.query<{ name: string }>(
      'SELECT name FROM documents UNION SELECT name FROM document_updates ORDER BY name',
    );
    return rows.map((row) => row.name);
  }
}

/**
 * Merges updates into a document's stored state together with its appended log, in one
 * transaction: the row is locked, the log rows merged are deleted by id. Returns the new state.
 */
export async function mergeInto(pool: Pool, name: string, updates: Uint8Array[]): Promise<Uint8Array> {
  return transaction(pool, async (client) => {
    await client.query(`INSERT INTO documents (name, state) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
      name,
      bytes(Y.encodeStateAsUpdate(new Y.Doc())),
    ]);
    const current = await client.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1 FOR UPDATE', [
      name,
    ]);
    const log = await client.query<{ id: string; update_data: Buffer }>(
      'SELECT id, update_data FROM document_updates WHERE name = $1 ORDER BY id',
      [name],
    );
    const parts = [
      ...current.rows.map((row) => new Uint8Array(row.state)),
      ...log.rows.map((row) => new Uint8Array(row.update_data)),
      ...updates,
    ];
    // Through a Y.Doc rather than Y.mergeUpdates: deleted content is collected, the state stays compact.
    const doc = new Y.Doc();
    for (const part of parts) Y.applyUpdate(doc, part);
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await client.query('UPDATE documents SET state = $2, updated_at = now() WHERE name = $1', [name, bytes(merged)]);
    if (log.rows.length > 0)
      await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [log.rows.map((row) => row.id)]);
    return merged;
  });
}
