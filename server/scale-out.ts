// What DATABASE_URL and REDIS_URL add to one process (docs/SCALE-OUT.md): documents and the
// report tables in PostgreSQL, documents shared with the other processes through Redis.
// Neither set: nothing (documents stay in the SQLite file). Accounts (people, devices, codes,
// the token secret) stay in the SQLite file in DATA_DIR either way, which every process on
// the host opens (WAL mode lets them share it).
import type { Document, Extension } from '@hocuspocus/server';
import { type Pool } from 'pg';
import type { ServerConfig } from './config.ts';
import type { DocumentStore } from './persistence.ts';
import { createPool, PostgresDocuments } from './postgres.ts';
import { PostgresReport } from './postgres-report.ts';
import { loadPublished } from './published.ts';
import { checkRedis, closeRedis, createRedisExtension } from './redis.ts';
import type { Store } from './store.ts';

export interface ScaleOut {
  /** PostgreSQL's documents, or undefined for the SQLite file's. */
  documents?: DocumentStore;
  extensions: Extension[];
  pool?: Pool;
  report?: PostgresReport;
  /** Where it keeps documents, for the start-up line. */
  describe: string;
  /** Fails when the SQLite file holds documents PostgreSQL lacks (migrate-to-postgres first). */
  refuseUnmigrated(store: Store): Promise<void>;
  /** Before the sync shuts down: the report's waiting rewrites. */
  flush(documents: Map<string, Document>): Promise<void>;
  close(): Promise<void>;
}

export async function openScaleOut(config: ServerConfig): Promise<ScaleOut> {
  const extensions: Extension[] = [];
  let pool: Pool | undefined;
  let documents: PostgresDocuments | undefined;
  let report: PostgresReport | undefined;
  const contentDir = config.contentDir ?? 'content';
  try {
    if (config.databaseUrl) {
      pool = createPool(config.databaseUrl, config.log);
      documents = await PostgresDocuments.open(pool);
      report = await PostgresReport.open({ pool, program: async () => loadPublished(contentDir), log: config.log });
      extensions.push(report);
    }
  } catch (error) {
    await pool?.end();
    throw new Error(`Could not open the PostgreSQL database in DATABASE_URL: ${String(error)}`, { cause: error });
  }
  const redis = config.redisUrl ? createRedisExtension(config.redisUrl, config.log) : undefined;
  if (redis && config.redisUrl) {
    try {
      await checkRedis(redis, config.redisUrl);
    } catch (error) {
      await pool?.end();
      throw error;
    }
    extensions.push(redis);
  }
  return {
    documents,
    extensions,
    pool,
    report,
    describe: [pool ? 'documents in PostgreSQL' : '', redis ? 'shared through Redis' : ''].filter(Boolean).join(', '),
    async refuseUnmigrated(store) {
      if (!documents) return;
      const missing = await documents.missing(store.documentNames());
      if (missing.length > 0)
        throw new Error(
          `${store.file} holds ${missing.length} document(s) that PostgreSQL does not (e.g. ${missing[0]}): ` +
            'copy them first with: DATABASE_URL=… npm run server -- migrate-to-postgres',
        );
    },
    async flush(open) {
      await report?.flushAll(open);
    },
    async close() {
      if (redis) closeRedis(redis);
      await pool?.end();
    },
  };
}
