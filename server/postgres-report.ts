// The national office's report in PostgreSQL: `attendance` (one row per session x member) and
// `ce_hours` (one row per member), rewritten for a chapter whenever its document
// (`chapter:<chapterId>`) changes, from the figures report.ts computes with the one hours rule.
//
// Every process that has the chapter open rewrites it (a change reaches each through Redis),
// so a rewrite is skipped when the tables already hold a newer state: `report_versions` keeps
// the state vector and snapshot each chapter's rows were computed from, and a process whose
// document is behind (the stored state vector covers its own and differs) leaves them alone.
import type {
  beforeUnloadDocumentPayload,
  Document,
  Extension,
  onChangePayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import { type Pool, type PoolClient } from 'pg';
import * as Y from 'yjs';
import { todayIn } from '../src/lib/dates.ts';
import { ensureSchema, transaction } from './postgres.ts';
import type { Published } from './published.ts';
import { chapterState } from './projection.ts';
import { chapterReport, type ChapterReport } from './report.ts';

export const REPORT_SCHEMA = `
CREATE TABLE IF NOT EXISTS attendance (
  chapter_id text NOT NULL,
  session_id text NOT NULL,
  member_id text NOT NULL,
  member_name text NOT NULL,
  member_email text NOT NULL,
  session_title text NOT NULL,
  session_date text NOT NULL,
  held boolean NOT NULL,
  present boolean NOT NULL,
  hours numeric(8, 2) NOT NULL,
  credited_hours numeric(8, 2) NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (chapter_id, session_id, member_id)
);
CREATE TABLE IF NOT EXISTS ce_hours (
  chapter_id text NOT NULL,
  member_id text NOT NULL,
  member_name text NOT NULL,
  member_email text NOT NULL,
  hours numeric(8, 2) NOT NULL,
  attended integer NOT NULL,
  missed integer NOT NULL,
  held_hours numeric(8, 2) NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (chapter_id, member_id)
);
CREATE TABLE IF NOT EXISTS report_versions (
  chapter_id text PRIMARY KEY,
  state_vector bytea NOT NULL,
  snapshot bytea NOT NULL,
  today text NOT NULL,
  updated_at timestamptz NOT NULL
);
`;

const CHAPTER_PREFIX = 'chapter:';

export const chapterIdOf = (documentName: string) =>
  documentName.startsWith(CHAPTER_PREFIX) ? documentName.slice(CHAPTER_PREFIX.length) : undefined;

/** True when vector `a` has seen everything `b` has. */
function covers(a: Map<number, number>, b: Map<number, number>): boolean {
  for (const [client, clock] of b) if ((a.get(client) ?? 0) < clock) return false;
  return true;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * Rewrites one chapter's rows from its document (one transaction). False when skipped: the
 * tables already hold this state, or a newer one, for the same day.
 */
export async function writeReport(pool: Pool, chapterId: string, doc: Y.Doc, program: Published, now = new Date()) {
  const today = todayIn(program.timeZone, now);
  const vector = Y.encodeStateVector(doc);
  const snapshot = Y.encodeSnapshot(Y.snapshot(doc));
  const report = chapterReport(chapterState(doc), program.sessions, today);
  return transaction(pool, async (client) => {
    await client.query(
      `INSERT INTO report_versions (chapter_id, state_vector, snapshot, today, updated_at)
       VALUES ($1, '\\x00', '\\x00', '', now()) ON CONFLICT (chapter_id) DO NOTHING`,
      [chapterId],
    );
    const { rows } = await client.query<{ state_vector: Buffer; snapshot: Buffer; today: string }>(
      'SELECT state_vector, snapshot, today FROM report_versions WHERE chapter_id = $1 FOR UPDATE',
      [chapterId],
    );
    const stored = rows[0];
    if (stored && stored.today === today) {
      if (equalBytes(stored.snapshot, snapshot)) return false;
      const mine = Y.decodeStateVector(vector);
      const theirs = Y.decodeStateVector(new Uint8Array(stored.state_vector));
      if (covers(theirs, mine) && !covers(mine, theirs)) return false;
    }
    await replaceRows(client, chapterId, report, now);
    await client.query(
      'UPDATE report_versions SET state_vector = $2, snapshot = $3, today = $4, updated_at = $5 WHERE chapter_id = $1',
      [chapterId, Buffer.from(vector), Buffer.from(snapshot), today, now],
    );
    return true;
  });
}

async function replaceRows(client: PoolClient, chapterId: string, report: ChapterReport, now: Date) {
  await client.query('DELETE FROM attendance WHERE chapter_id = $1', [chapterId]);
  await client.query('DELETE FROM ce_hours WHERE chapter_id = $1', [chapterId]);
  const a = report.attendance;
  if (a.length > 0)
    await client.query(
      `INSERT INTO attendance (chapter_id, session_id, member_id, member_name, member_email, session_title,
         session_date, held, present, hours, credited_hours, updated_at)
       SELECT $1, * , $12::timestamptz FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::boolean[], $9::boolean[], $10::numeric[], $11::numeric[])`,
      [
        chapterId,
        a.map((r) => r.sessionId),
        a.map((r) => r.memberId),
        a.map((r) => r.memberName),
        a.map((r) => r.memberEmail),
        a.map((r) => r.sessionTitle),
        a.map((r) => r.sessionDate),
        a.map((r) => r.held),
        a.map((r) => r.present),
        a.map((r) => r.hours),
        a.map((r) => r.creditedHours),
        now,
      ],
    );
  const h = report.ceHours;
  if (h.length > 0)
    await client.query(
      `INSERT INTO ce_hours (chapter_id, member_id, member_name, member_email, hours, attended, missed,
         held_hours, updated_at)
       SELECT $1, *, $9::timestamptz FROM unnest($2::text[], $3::text[], $4::text[], $5::numeric[], $6::integer[],
         $7::integer[], $8::numeric[])`,
      [
        chapterId,
        h.map((r) => r.memberId),
        h.map((r) => r.memberName),
        h.map((r) => r.memberEmail),
        h.map((r) => r.hours),
        h.map((r) => r.attended),
        h.map((r) => r.missed),
        h.map((r) => r.heldHours),
        now,
      ],
    );
}

export interface ReportOptions {
  pool: Pool;
  program: () => Promise<Published>;
  log: (line: string) => void;
  /** How long changes gather before a chapter's rows are rewritten. */
  delayMs?: number;
}

/** The Hocuspocus extension: rewrites a chapter's rows after it loads and after it changes. */
export class PostgresReport implements Extension {
  extensionName = 'clm-postgres-report';
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(private readonly options: ReportOptions) {}

  static async open(options: ReportOptions): Promise<PostgresReport> {
    await ensureSchema(options.pool, REPORT_SCHEMA);
    return new PostgresReport(options);
  }

  async afterLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    this.schedule(documentName, document);
  }

  async onChange({ documentName, document }: onChangePayload): Promise<void> {
    this.schedule(documentName, document);
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload) {
    await this.flush(documentName, document);
  }

  /** Rewrites now whatever is waiting (shutdown, tests). */
  async flush(documentName: string, document: Document): Promise<void> {
    const timer = this.timers.get(documentName);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(documentName);
      await this.run(documentName, document);
    }
    await this.running.get(documentName);
  }

  async flushAll(documents: Map<string, Document>): Promise<void> {
    await Promise.all([...documents].map(([name, document]) => this.flush(name, document)));
  }

  private schedule(documentName: string, document: Document) {
    if (!chapterIdOf(documentName) || this.timers.has(documentName)) return;
    const timer = setTimeout(() => {
      this.timers.delete(documentName);
      void this.run(documentName, document);
    }, this.options.delayMs ?? 500);
    this.timers.set(documentName, timer);
  }

  /** One rewrite per chapter at a time: a change during one schedules the next. */
  private async run(documentName: string, document: Document): Promise<void> {
    const chapterId = chapterIdOf(documentName);
    if (!chapterId) return;
    const previous = this.running.get(documentName);
    const next = (async () => {
      await previous;
      try {
        await writeReport(this.options.pool, chapterId, document, await this.options.program());
      } catch (error) {
        this.options.log(`could not write the report of ${documentName}: ${String(error)}`);
      }
    })();
    this.running.set(documentName, next);
    await next;
    if (this.running.get(documentName) === next) this.running.delete(documentName);
  }
}
