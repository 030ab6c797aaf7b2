// The shape of the chapter's shared documents (issue 12), one place for the browser and the
// server. Plain data only: the Yjs wiring lives in src/sync (browser) and server/ (server).
//
// `chapter:<chapterId>`: read and written by the chapter's committee devices (roles committee
// and admin); refused to everyone else by the server.
//   members        Y.Map<Member>            keyed by member id; merged per field (fieldsAt)
//   sessionChanges Y.Map<SessionChange>     keyed by session id; the newer updatedAt wins
//   events         Y.Map<AttendanceEvent>   keyed by event id; append-only, never rewritten
//
// `hours:<personId>`: the person's official hours, written only by the server (every device
// opens it read-only), computed from the chapter document with the one hours rule.
//   official       Y.Map                    key OFFICIAL_KEY → OfficialHours
import type { Member, SessionChange } from './chapter';
import type { AttendanceEvent } from './attendance-log';

export const chapterDocName = (chapterId: string) => `chapter:${chapterId}`;
export const hoursDocName = (personId: string) => `hours:${personId}`;

export const CHAPTER_MAPS = { members: 'members', sessionChanges: 'sessionChanges', events: 'events' } as const;
export const HOURS_MAP = 'official';
export const OFFICIAL_KEY = 'hours';

export type DocMember = Member;
export type DocSessionChange = SessionChange;
export type DocEvent = AttendanceEvent;

/** A member's official hours as the server computed them (the My hours screen shows these). */
export interface OfficialHours {
  memberId: string;
  name: string;
  hours: number;
  attended: number;
  missed: number;
  heldHours: number;
  /** The held sessions attended, in date order. */
  sessions: { sessionId: string; title: string; date: string; hours: number }[];
  /** When the server last computed them (ms since the epoch). */
  updatedAt: number;
}
