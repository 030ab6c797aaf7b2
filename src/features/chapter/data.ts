// The chapter feature's repository: roster, attendance, check-in undo and this device's
// schedule changes. Components call these named operations, never tables.
import { useMemo } from 'react';
import { useStored } from '../../db/use-stored';
import { Dexie } from 'dexie';
import { content } from '../../content/runtime';
import { db, noteLocalChange, ROSTER_DUPLICATES, storedMember, type RosterDuplicate } from '../../db/db';
import { DuplicateEmailError, InputError, undoStack, type UndoEntry } from '../../db/check-in';
import {
  cleanMemberInput,
  newMember,
  type Attendance,
  type Member,
  type MemberRole,
  type SessionChange,
} from '../../lib/chapter';
import { buildSchedule, type ScheduledSession } from '../../lib/schedule';
import type { CertificatePrints } from '../../lib/certificate';

export { DuplicateEmailError, InputError };
export { useWrite } from '../../db/use-write';
export { noteWrite } from '../../db/note-write';
export { recordCheckIn, undoCheckIn, addWalkIn } from '../../db/check-in';
export { exportChapterFile } from '../../db/chapter';
import { importChapterFile } from '../../db/chapter';
import { readText } from '../../components/ui/files';
import { ImportRefused, sizeProblem } from '../../lib/import-problems';
import type { MergeSummary } from '../../lib/merge';

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const byName = (a: Member, b: Member) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
const plain = ({ emailKey: _key, ...m }: Member & { emailKey?: string | undefined }): Member => m;

export type { MergeSummary };

/**
 * Imports a chapter file (or a member's hours file) chosen on this device: over 10 MB it is
 * refused before it is read; otherwise checked whole against this program's sessions, then merged.
 */
export async function importChapter(file: File): Promise<MergeSummary> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) throw new ImportRefused([tooBig]);
  return importChapterFile(await readText(file), file.name, content.sessions);
}

// Without storage: nothing recorded, the season as the content has it.
const NO_MEMBERS: Member[] = [];
const NO_ATTENDANCE: Attendance[] = [];
const CONTENT_SCHEDULE = buildSchedule(content.sessions, []);

export function useMembers(): Member[] | undefined {
  return useStored(async () => (await db.members.toArray()).map(plain).sort(byName), [], NO_MEMBERS);
}

export function useAttendance(sessionId?: string): Attendance[] | undefined {
  return useStored(
    () => (sessionId ? db.attendance.where('sessionId').equals(sessionId).toArray() : db.attendance.toArray()),
    [sessionId],
    NO_ATTENDANCE,
  );
}

export function useSchedule(): ScheduledSession[] | undefined {
  return useStored(
    async () => buildSchedule(content.sessions, await db.sessionChanges.toArray()),
    [],
    CONTENT_SCHEDULE,
  );
}

export interface CheckInData {
  session: ScheduledSession | undefined;
  members: Member[];
  attendance: Attendance[];
  undo: UndoEntry[];
}

/**
 * Everything check-in shows. The roster is its own query, so a tap (which writes attendance
 * and the undo entry) re-reads only this session's records, not 2,000 members.
 */
export function useCheckInData(sessionId: string): CheckInData | undefined {
  const members = useMembers();
  const rest = useStored(
    async () => {
      const [changes, attendance, undo] = await Promise.all([
        db.sessionChanges.toArray(),
        db.attendance.where('sessionId').equals(sessionId).toArray(),
        undoStack(sessionId),
      ]);
      return { session: buildSchedule(content.sessions, changes).find((s) => s.id === sessionId), attendance, undo };
    },
    [sessionId],
    { session: CONTENT_SCHEDULE.find((s) => s.id === sessionId), attendance: NO_ATTENDANCE, undo: [] },
  );
  return useMemo(() => (members && rest ? { ...rest, members } : undefined), [members, rest]);
}

/** Emails that were on the roster twice before emails became unique (schema version 5). */
export function useRosterDuplicates(): RosterDuplicate[] | undefined {
  return useStored(
    async () => {
      const row = await db.settings.get(ROSTER_DUPLICATES);
      const list = Array.isArray(row?.value) ? (row.value as RosterDuplicate[]) : [];
      const members = new Map((await db.members.toArray()).map((m) => [m.id, m]));
      // A duplicate is settled once its member has its own unique email key.
      return list.filter((d) => members.has(d.memberId) && !members.get(d.memberId)?.emailKey);
    },
    [],
    [],
  );
}

function clean(input: { name: string; email: string }): { name: string; email: string } {
  const c = cleanMemberInput(input);
  if (c.error !== undefined) throw new InputError(c.error);
  return c;
}

const isUniqueClash = (err: unknown) =>
  err instanceof Dexie.ConstraintError || (err as Error)?.name === 'ConstraintError';

export async function addMember(input: { name: string; email: string; role: MemberRole }): Promise<Member> {
  const { name, email } = clean(input);
  const m = newMember({ name, email, role: input.role }, Date.now(), crypto.randomUUID());
  try {
    await db.members.add(storedMember(m));
  } catch (err) {
    if (isUniqueClash(err)) throw new DuplicateEmailError(`${email} is already on the roster.`);
    throw err;
  }
  noteLocalChange('members', [m.id]);
  return m;
}

/**
 * Adds imported members in one transaction. Emails already on the roster (a member added while
 * the preview was open, or a second click) are skipped, so repeating it adds nothing more.
 */
export async function addMembers(
  inputs: { name: string; email: string; role: MemberRole }[],
): Promise<{ added: number; skipped: string[] }> {
  const result = await db.transaction('rw', db.members, async () => {
    const now = Date.now();
    const taken = new Set((await db.members.toArray()).map((m) => m.emailKey ?? m.email));
    const skipped: string[] = [];
    const rows: Member[] = [];
    for (const i of inputs) {
      const { name, email } = clean(i);
      if (taken.has(email)) {
        skipped.push(email);
        continue;
      }
      taken.add(email);
      rows.push(newMember({ name, email, role: i.role }, now, crypto.randomUUID()));
    }
    await db.members.bulkAdd(rows.map(storedMember));
    return { added: rows.length, skipped, ids: rows.map((r) => r.id) };
  });
  noteLocalChange('members', result.ids);
  return { added: result.added, skipped: result.skipped };
}

/** Edits a member; the email must stay unique on the roster (the database enforces it too). */
export async function updateMember(id: string, change: { name: string; email: string; role: MemberRole }) {
  const { name, email } = clean(change);
  try {
    await db.transaction('rw', db.members, async () => {
      const clash = await db.members.where('emailKey').equals(email).first();
      if (clash && clash.id !== id) throw new DuplicateEmailError(`${email} is already on the roster.`);
      const before = await db.members.get(id);
      if (!before) throw new Error('that member is no longer on this device.');
      const now = Date.now();
      const fieldsAt = { ...before.fieldsAt };
      if (name !== before.name) fieldsAt.name = now;
      if (email !== before.email) fieldsAt.email = now;
      if (change.role !== before.role) fieldsAt.role = now;
      await db.members.put({
        ...before,
        name,
        email,
        emailKey: email,
        role: change.role,
        fieldsAt,
        origin: undefined,
        updatedAt: now,
      });
    });
  } catch (err) {
    if (isUniqueClash(err)) throw new DuplicateEmailError(`${email} is already on the roster.`);
    throw err;
  }
  noteLocalChange('members', [id]);
}

export async function setMemberActive(id: string, active: boolean): Promise<void> {
  await db.transaction('rw', db.members, async () => {
    const before = await db.members.get(id);
    if (!before) throw new Error('that member is no longer on this device.');
    const now = Date.now();
    const fieldsAt = { ...before.fieldsAt, active: now };
    await db.members.put({ ...before, active, fieldsAt, origin: undefined, updatedAt: now });
  });
  noteLocalChange('members', [id]);
}

/** Saves this device's change of a session; every save raises its revision (the calendar's SEQUENCE). */
export async function saveSessionChange(change: Omit<SessionChange, 'updatedAt' | 'revision'>): Promise<void> {
  await db.transaction('rw', db.sessionChanges, async () => {
    const before = await db.sessionChanges.get(change.sessionId);
    await db.sessionChanges.put({ ...change, revision: (before?.revision ?? 0) + 1, updatedAt: Date.now() });
  });
  noteLocalChange('sessionChanges', [change.sessionId]);
}

/** Back to the published session: the change is emptied, not deleted, so its revision keeps rising. */
export async function restorePublishedSession(sessionId: string): Promise<void> {
  await db.transaction('rw', db.sessionChanges, async () => {
    const before = await db.sessionChanges.get(sessionId);
    if (!before) return;
    await db.sessionChanges.put({ sessionId, revision: (before.revision ?? 0) + 1, updatedAt: Date.now() });
  });
  noteLocalChange('sessionChanges', [sessionId]);
}

/** How many members are checked in at a session (cancelling one says so first). */
export async function countCheckIns(sessionId: string): Promise<number> {
  return db.attendance
    .where('sessionId')
    .equals(sessionId)
    .filter((a) => a.present)
    .count();
}

/** How often a member's certificate was printed on this device (for "Reissued"). */
export function useCertificatePrints(key: string): CertificatePrints | null | undefined {
  return useStored(
    async () => ((await db.settings.get(key))?.value as CertificatePrints | undefined) ?? null,
    [key],
    null,
  );
}

export async function recordCertificatePrint(key: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const before = (await db.settings.get(key))?.value as CertificatePrints | undefined;
    const value: CertificatePrints = { first: before?.first ?? Date.now(), count: (before?.count ?? 0) + 1 };
    await db.settings.put({ key, value });
  });
}
