// Study-group records and their pure rules: roster input, and the merge of a chapter file from
// another committee member's device. Hours are in hours.ts, the schedule in schedule.ts.
import type { AttendanceEvent } from './attendance-log';

export type MemberRole = 'candidate' | 'clm' | 'guest';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  active: boolean;
  updatedAt: number;
  /** When each field last changed, so a merge keeps the newer value of each field. */
  fieldsAt?: Partial<Record<MemberField, number>> | undefined;
  /** Set when the latest change came from a chapter file; absent when it was made here. */
  origin?: Origin | undefined;
}

export type MemberField = 'name' | 'email' | 'role' | 'active';

/** A new member, every field stamped now (a later change on any device moves only its own stamp). */
export function newMember(input: { name: string; email: string; role: MemberRole }, now: number, id: string): Member {
  return {
    id,
    name: input.name,
    email: input.email,
    role: input.role,
    active: true,
    updatedAt: now,
    fieldsAt: { name: now, email: now, role: now, active: now },
  };
}

/** Where a record's latest change came from: a chapter file imported on this device. */
export interface Origin {
  file: string;
  importedAt: number;
}

export interface Attendance {
  /** `${sessionId}|${memberId}` */
  id: string;
  sessionId: string;
  memberId: string;
  present: boolean;
  hours: number;
  updatedAt: number;
  origin?: Origin | undefined;
}

/** A committee's local change to a session of the content: moved, renamed room, cancelled. */
export interface SessionChange {
  sessionId: string;
  date?: string | undefined;
  start?: string | undefined;
  hours?: number | undefined;
  location?: string | undefined;
  cancelled?: boolean | undefined;
  /** An extra session the committee added (not in the content): these describe it. */
  extra?: { title: string; area: string; speaker: string } | undefined;
  /** How many times the session was changed on any device: the calendar's SEQUENCE. */
  revision?: number | undefined;
  updatedAt: number;
  origin?: Origin | undefined;
}

export const attendanceId = (sessionId: string, memberId: string) => `${sessionId}|${memberId}`;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
// Bidirectional overrides and isolates: they can make a name display as something else.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A member's name as typed or imported: cleaned (bidi controls out, spaces folded), or why it is refused. */
export function cleanName(input: string): { name: string; error?: undefined } | { error: string } {
  const name = input.replace(BIDI, '').replace(/\s+/g, ' ').trim();
  if (!name) return { error: 'The name is empty.' };
  if (name.length > NAME_MAX) return { error: `The name is longer than ${NAME_MAX} characters.` };
  return { name };
}

/** A member's email as typed or imported: normalized, or why it is refused. */
export function cleanEmail(input: string): { email: string; error?: undefined } | { error: string } {
  const email = normalizeEmail(input.replace(BIDI, ''));
  if (email.length > EMAIL_MAX) return { error: `The email is longer than ${EMAIL_MAX} characters.` };
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: `"${input.trim()}" is not an email address.` };
  return { email };
}

/** A member's name and email as typed or imported: cleaned, or the reason it is refused. */
export function cleanMemberInput(input: {
  name: string;
  email: string;
}): { name: string; email: string; error?: undefined } | { error: string } {
  const name = cleanName(input.name);
  if (name.error !== undefined) return name;
  const email = cleanEmail(input.email);
  if (email.error !== undefined) return email;
  return { name: name.name, email: email.email };
}

/**
 * The chapter file. Version 2 carries the attendance log (`events`); its `attendance` is the
 * fold of those events, for reading. Version 1 (before the log) has attendance only: importing
 * it turns each record into an event (src/lib/attendance-events.ts).
 */
export interface ChapterFile {
  kind: 'clm-study-chapter';
  version: 1 | 2;
  exportedAt: number;
  members: Member[];
  attendance: Attendance[];
  sessionChanges: SessionChange[];
  events?: AttendanceEvent[] | undefined;
}
