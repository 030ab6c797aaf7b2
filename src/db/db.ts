// The one IndexedDB database of the app ("clm-study"), opened with Dexie. It stores what a
// candidate does on this device: every answer given (kept forever, so history and progress can
// be rebuilt), the spaced-review card of each question, flagged questions, practice sets and
// mock exams (in progress and finished), and settings such as the exam date; and what a
// committee keeps: the roster, attendance and local schedule changes, and logged education. Content is not
// stored here: it ships with the app. Only this folder and the features' data.ts modules may
// import Dexie; components call their named functions.
import { Dexie, type EntityTable } from 'dexie';
import type { Confidence, StoredCard } from '../lib/review';
import type { Scored } from '../lib/exam';
import { declareVersions } from './schema';
import type { CompiledPack, Pack } from '../content/pack';
import { normalizeEmail, type Attendance, type Member, type SessionChange } from '../lib/chapter';
import type { EducationEntry } from '../lib/ce';
import type { AttendanceEvent } from '../lib/attendance-log';
import { watchConnection } from './connection';
import { DB_NAME } from './presence';

export interface AnswerRecord {
  id?: number;
  questionId: string;
  /** Indexes of the chosen options, in the content's option order. */
  choice: number[];
  correct: boolean;
  /** When the answer was given (epoch ms). */
  at: number;
  /** Where it was given, e.g. "area:finance", "session:technology", "set:<id>", "exam:<id>". */
  context: string;
  /** Time spent on the question (ms, capped at 5 minutes). */
  ms?: number;
  /** The answer's id on every device (a random UUID given when it is first written). */
  uid?: string;
  /** After a right answer: how sure the candidate said they were (re-rates the card). */
  confidence?: Confidence;
}

export type SetSource =
  | { type: 'area' | 'subarea' | 'competency' | 'session'; id: string }
  | { type: 'mixed' | 'missed' | 'flagged' | 'new' | 'due' }
  /** The questions missed in an earlier set or exam (its id). */
  | { type: 'retry'; from: string };

/** Tutor: feedback after each question. Timed: the real exam's pace, feedback at the end. */
export type StudyMode = 'tutor' | 'timed';

export interface Response {
  choice: number[];
  /** Practice: checked and scored at once. Exam: scored at submit. */
  correct?: boolean;
  at: number;
}

export interface AttemptRecord {
  id: string;
  kind: 'practice' | 'exam';
  title: string;
  source: SetSource | { type: 'exam' };
  seed: number;
  questionIds: string[];
  position: number;
  responses: Record<string, Response>;
  /** Exam: questions flagged for review before submitting. */
  marked: string[];
  status: 'active' | 'submitted';
  createdAt: number;
  updatedAt: number;
  /** Exam clock: allowed time, time used so far, and when the clock last started. */
  durationMs?: number;
  usedMs?: number;
  runningSince?: number | null;
  /** Exam: paused by the candidate (the clock stays stopped until they resume). */
  paused?: boolean;
  /** Practice sets: tutor (default) or timed. A timed set runs like an exam. */
  mode?: StudyMode;
  /** Exam and timed sets: time spent on each question while it was on screen (ms). */
  timeByQuestion?: Record<string, number>;
  submittedAt?: number;
  result?: { overall: Scored; byArea: Record<string, Scored>; bySubarea: Record<string, Scored> };
}

/** Per question: a running summary of its answers, so progress never rescans every answer. */
export interface QuestionProgress {
  questionId: string;
  answers: number;
  rights: number;
  lastCorrect: boolean;
  /** 1 when the latest answer was wrong (IndexedDB cannot index booleans). */
  wrong: 0 | 1;
  lastAt: number;
  firstAt: number;
}

/** Per local calendar day: answers given and time spent, for the streak and time studied. */
export interface DayRecord {
  day: string;
  answers: number;
  ms: number;
}

export interface FlagRecord {
  questionId: string;
  at: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
  /** When it was last set here (epoch ms): of two devices' settings the later wins. */
  at?: number;
}

/** The signed-in account of this device (one record, key "current"; see account.ts). */
export interface AccountRecord {
  key: 'current';
  token: string;
  person: { id: string; name: string; email: string; roles: string[] };
  device: { id: string; label: string };
  /** The sync server's origin when it is not the app's own. */
  serverOrigin?: string;
  /** The chapter as the server last said (its id names the chapter document), kept for offline starts. */
  chapter?: { id: string; name: string };
  signedInAt: number;
}

/** A Yjs document's row; y-dexie keeps its updates in the table "$syncDocs.doc_updates". */
export interface SyncDocRecord {
  id: string;
}

/** A session pack on this device: as received (checked again on every install) and as compiled. */
export interface PackRecord {
  id: string;
  version: number;
  /** Where it came from: a file the person opened, or the chapter server. */
  from: 'file' | 'chapter';
  pack: Pack;
  compiled: CompiledPack;
  installedAt: number;
}

export class ClmDatabase extends Dexie {
  answers!: EntityTable<AnswerRecord, 'id'>;
  cards!: EntityTable<StoredCard, 'questionId'>;
  attempts!: EntityTable<AttemptRecord, 'id'>;
  flags!: EntityTable<FlagRecord, 'questionId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  progress!: EntityTable<QuestionProgress, 'questionId'>;
  days!: EntityTable<DayRecord, 'day'>;
  members!: EntityTable<StoredMember, 'id'>;
  /** Folded from attendanceEvents (src/db/attendance.ts): the records every screen reads. */
  attendance!: EntityTable<Attendance, 'id'>;
  /** The attendance log: every check-in, adjust, absent and undo, by event id (append-only). */
  attendanceEvents!: EntityTable<AttendanceEvent, 'id'>;
  sessionChanges!: EntityTable<SessionChange, 'sessionId'>;
  education!: EntityTable<EducationEntry, 'id'>;
  account!: EntityTable<AccountRecord, 'key'>;
  syncDocs!: EntityTable<SyncDocRecord, 'id'>;
  /** Session packs held on this device (src/db/packs.ts). */
  packs!: EntityTable<PackRecord, 'id'>;
  /** A speaker's draft pack (src/db/drafts.ts). */
  drafts!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    declareVersions(this);
  }
}

/** A member as stored: emailKey carries the unique index (absent on a reported duplicate). */
export type StoredMember = Member & { emailKey?: string | undefined };

/** A member whose email another member already had when version 5 made emails unique. */
export interface RosterDuplicate {
  email: string;
  memberId: string;
  name: string;
  keptName: string;
}

/** The record to store for a member: its unique email key set. */
export function storedMember(m: Member): StoredMember {
  return { ...m, email: normalizeEmail(m.email), emailKey: normalizeEmail(m.email) };
}

export { declareVersions, foldAnswer, LATEST_VERSION, ROSTER_DUPLICATES, SCHEMA_VERSIONS } from './schema';
export type { SchemaVersion } from './schema';

export const db = new ClmDatabase();
watchConnection(db);

// The one hook by which the data layer says it wrote something that syncs: each named write
// calls noteLocalChange after its transaction committed, with the keys it changed when it
// knows them (a flag cleared or a setting removed has no row left to find). The sync engine,
// loaded only after sign-in, listens; with no listener this does nothing. (Here, not in a module
// of its own, so the bundler keeps it in the database's chunk and not with the scheduler's.)
export type SyncedTable = UserTable | ChapterTable;
/** Tables of the person's own document (user:<personId>). */
export type UserTable = 'answers' | 'attempts' | 'flags' | 'settings' | 'education';
/** Tables of the chapter's document (chapter:<chapterId>), synced on committee devices. */
export type ChapterTable = 'members' | 'sessionChanges' | 'attendanceEvents';

export interface LocalChange {
  table: SyncedTable;
  /** The keys written or deleted, if known (answers: none; the engine reads new rows). */
  keys?: readonly string[] | undefined;
}

type Listener = (change: LocalChange) => void;

const listeners = new Set<Listener>();

/** Calls the listener after each committed local write to a synced table; returns the unsubscribe. */
export function onLocalChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Announces a committed write (never throws: a listener's failure is its own). */
export function noteLocalChange(table: SyncedTable, keys?: readonly string[]): void {
  for (const l of listeners) {
    try {
      l({ table, keys });
    } catch (error) {
      console.error('Sync could not take a local change', error);
    }
  }
}
