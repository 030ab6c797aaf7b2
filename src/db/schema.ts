// The schema of the "clm-study" database, version by version, kept as data: the app declares
// every version (db.ts), and the upgrade tests build a database of each old version from these
// same entries. Only types come from db.ts, so this module opens no database.
import type { Dexie, Transaction } from 'dexie';
import { foldAnswer } from '../lib/fold';
import { normalizeEmail } from '../lib/chapter';
import type { AnswerRecord, DayRecord, QuestionProgress, RosterDuplicate, StoredMember } from './db';
import type { Attendance } from '../lib/chapter';
import { upgradeSession } from '../lib/attendance-events';

/** The stored undo stack of one session's check-in (a setting; see check-in.ts). */
export const UNDO_PREFIX = 'undo:check-in:';

export const ROSTER_DUPLICATES = 'roster-duplicates';

/** One schema version: the tables it adds or changes and, when data must move, its upgrade. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

// Keep every old version: each later one adds an entry (and, when data must move, an upgrade).
// The upgrade tests build a database of each old version from these same entries.
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { answers: '++id, questionId, at, [questionId+at]' } },
  {
    version: 2,
    stores: {
      answers: '++id, questionId, at, [questionId+at]',
      cards: 'questionId, due',
      attempts: 'id, [kind+status], updatedAt',
      flags: 'questionId',
      settings: 'key',
    },
  },
  {
    version: 3,
    stores: { progress: 'questionId, wrong, firstAt', days: 'day' },
    upgrade: async (tx) => {
      // Build the summaries from the answers kept so far.
      const progress = new Map<string, QuestionProgress>();
      const days = new Map<string, DayRecord>();
      await tx
        .table<AnswerRecord>('answers')
        .orderBy('at')
        .each((a) => foldAnswer(progress, days, a));
      await tx.table('progress').bulkPut([...progress.values()]);
      await tx.table('days').bulkPut([...days.values()]);
    },
  },
  // The chapter's study group: roster, attendance, local schedule changes; and a member's own
  // logged education for CE hours.
  {
    version: 4,
    stores: {
      members: 'id, email',
      attendance: 'id, sessionId, memberId',
      sessionChanges: 'sessionId',
      education: 'id, date',
    },
  },
  // Emails unique in the database itself. The unique index is on emailKey (the normalized
  // email), a new field, so records with duplicate emails from before cannot make the upgrade
  // fail: the first member of each email gets the key, the others are reported for the
  // committee to fix (settings "roster-duplicates").
  {
    version: 5,
    stores: { members: 'id, email, &emailKey' },
    upgrade: async (tx) => {
      const members = await tx.table<StoredMember>('members').orderBy('id').toArray();
      members.sort((a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id));
      const first = new Map<string, StoredMember>();
      const duplicates: RosterDuplicate[] = [];
      for (const m of members) {
        const key = normalizeEmail(m.email);
        const kept = first.get(key);
        if (kept) duplicates.push({ email: key, memberId: m.id, name: m.name, keptName: kept.name });
        else {
          first.set(key, m);
          await tx.table('members').update(m.id, { emailKey: key });
        }
      }
      if (duplicates.length > 0) await tx.table('settings').put({ key: ROSTER_DUPLICATES, value: duplicates });
    },
  },
  // Sync (issue 11): every answer gets a uid, its id across devices (unique; given here to the
  // answers kept so far, and to each new one as it is written). The signed-in account has its
  // own table (never synced, never in a backup). syncDocs and its updates table are where
  // y-dexie keeps the person's Yjs document: declared here as plain tables, so this instance and
  // the sync code's y-dexie instance (src/db/sync-doc.ts) see one physical schema.
  {
    version: 6,
    stores: {
      answers: '++id, questionId, at, [questionId+at], &uid',
      account: 'key',
      syncDocs: 'id',
      '$syncDocs.doc_updates': '++i,k',
    },
    upgrade: async (tx) => {
      await tx
        .table<AnswerRecord>('answers')
        .toCollection()
        .modify((a) => {
          a.uid ??= crypto.randomUUID();
        });
    },
  },
  // The chapter live (issue 12): attendance is a log of events (src/lib/attendance-log.ts) and
  // each attendance row is folded from its events. The rows kept so far become events (device
  // "before-sync", at their updatedAt), and each session's undo stack points at events, so an
  // undo after the upgrade brings back the record it replaced, as it did before.
  {
    version: 7,
    stores: { attendanceEvents: 'id, sessionId, memberId' },
    upgrade: async (tx) => {
      const rows = await tx.table<Attendance>('attendance').toArray();
      const stacks = await tx
        .table<{ key: string; value: unknown }>('settings')
        .where('key')
        .startsWith(UNDO_PREFIX)
        .toArray();
      const bySession = new Map<string, Attendance[]>();
      for (const a of rows) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
      for (const s of stacks)
        if (!bySession.has(s.key.slice(UNDO_PREFIX.length))) bySession.set(s.key.slice(UNDO_PREFIX.length), []);
      for (const [sessionId, records] of bySession) {
        const stack = stacks.find((s) => s.key === UNDO_PREFIX + sessionId);
        const legacy = Array.isArray(stack?.value) ? (stack.value as Parameters<typeof upgradeSession>[1]) : [];
        const { events, undo } = upgradeSession(records, legacy);
        await tx.table('attendanceEvents').bulkPut(events);
        if (stack) await tx.table('settings').put({ key: stack.key, value: undo });
      }
    },
  },
  // Session packs (issue 13): the packs this device holds, from a file or from the chapter, each
  // as received and as compiled (what the screens read). Progress on their questions stays in
  // the answers, so a withdrawn pack's progress comes back with the pack. A speaker's draft has
  // its own table: it is written on every keystroke, and no screen's live query watches it.
  { version: 8, stores: { packs: 'id', drafts: 'key' } },
];

export const LATEST_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));

/** Declares versions 1..upTo on a Dexie instance (the app always declares them all). */
export function declareVersions(target: Dexie, upTo = LATEST_VERSION): void {
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= upTo)) {
    const declared = target.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

export { foldAnswer } from '../lib/fold';
