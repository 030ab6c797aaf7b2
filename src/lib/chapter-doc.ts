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
import { normalizeEmail, type Member, type SessionChange } from './chapter';
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

/**
 * The chapter document's records with one member per email. Two committee devices that added
 * the same walk-in offline give the document two member ids with one email; each device's
 * merge treats them as one person (matched by email), and so must every total computed from
 * the document: the member kept is the active one, then the lowest id, and the other ids'
 * events count as theirs. Members without an email are kept as they are.
 */
export function oneMemberPerEmail<S extends { members: DocMember[]; events: DocEvent[] }>(state: S): S {
  const kept = new Map<string, DocMember>();
  const alias = new Map<string, string>();
  const ordered = [...state.members].sort((a, b) => Number(b.active) - Number(a.active) || (a.id < b.id ? -1 : 1));
  const members: DocMember[] = [];
  for (const m of ordered) {
    const email = normalizeEmail(m.email);
    const prior = email ? kept.get(email) : undefined;
    if (prior) {
      alias.set(m.id, prior.id);
      continue;
    }
    if (email) kept.set(email, m);
    members.push(m);
  }
  if (alias.size === 0) return state;
  const events = state.events.map((e) => {
    const to = alias.get(e.memberId);
    return to ? { ...e, memberId: to } : e;
  });
  return { ...state, members, events };
}
