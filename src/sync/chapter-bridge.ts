// Keeps this committee device's chapter records and the chapter document `chapter:<chapterId>`
// in step, both ways, offline first (src/lib/chapter-doc.ts names its maps). Doc → local: the
// whole document merged into the tables with the chapter file's own merge (members per field,
// matched by email; the newer schedule change; the union of events, folded into attendance).
// Local → doc: events the document lacks are added (never rewritten), a member the document
// lacks is added unless it has that email under another id, a member it has gets the newer of
// each field, a schedule change goes in when newer. A member known here by another id than in
// the document (the same person added on two phones) has its events sent under the document's
// id. All work runs one step at a time, so a pull never races a push.
import * as Y from 'yjs';
import type { LocalChange } from '../db/db';
import type { ChapterStore } from '../db/chapter-local';
import { CHAPTER_MAPS } from '../lib/chapter-doc';
import { normalizeEmail, type Member, type SessionChange } from '../lib/chapter';
import type { AttendanceEvent } from '../lib/attendance-log';
import { mergeChapter } from '../lib/merge';
import { plain } from '../lib/sync-merge';

/** The origin of the bridge's own writes to the document (its observers skip them). */
export const CHAPTER_BRIDGE = Symbol('clm-chapter-bridge');

/** Events per document update (about 200 bytes each): a long log goes up in parts. */
const EVENTS_PER_UPDATE = 2000;

export interface ChapterMaps {
  members: Y.Map<Member>;
  sessionChanges: Y.Map<SessionChange>;
  events: Y.Map<AttendanceEvent>;
}

export function chapterMaps(doc: Y.Doc): ChapterMaps {
  return {
    members: doc.getMap(CHAPTER_MAPS.members),
    sessionChanges: doc.getMap(CHAPTER_MAPS.sessionChanges),
    events: doc.getMap(CHAPTER_MAPS.events),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A member of this device merged into the document's copy, field by field (the newer wins). */
function mergedMember(inDoc: Member, local: Member): Member {
  const r = mergeChapter(
    { members: [inDoc], attendance: [], sessionChanges: [], events: [] },
    { members: [local], sessionChanges: [] },
  );
  const { origin: _origin, ...m } = r.members[0] ?? inDoc;
  return m;
}

export class ChapterBridge {
  readonly maps: ChapterMaps;
  private queue: Promise<void> = Promise.resolve();
  private pullScheduled = false;
  /** Events that arrived since the last pull (the document's whole log goes down only at start). */
  private incomingEvents = new Set<string>();
  private stopObserving: () => void;
  /** Work waiting or running (reported as pending). */
  busy = 0;
  onError: (error: unknown) => void = (e) => console.error('The chapter could not sync a change', e);
  onIdle: () => void = () => undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: ChapterStore,
  ) {
    this.maps = chapterMaps(doc);
    const observer = (event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.origin === CHAPTER_BRIDGE) return;
      if (event.target === this.maps.events) for (const k of event.keysChanged) this.incomingEvents.add(k);
      this.schedulePull();
    };
    const maps = Object.values(this.maps) as Y.Map<unknown>[];
    for (const m of maps) m.observe(observer);
    this.stopObserving = () => maps.forEach((m) => m.unobserve(observer));
  }

  /** Full reconcile both ways (at start: heals a crash between a table write and the doc's). */
  start(): Promise<void> {
    this.run(() => this.pull(true));
    this.run(() => this.push());
    return this.idle();
  }

  /** A committed local write to a chapter table: push what it changed. */
  localChange(change: LocalChange): void {
    if (change.table !== 'members' && change.table !== 'sessionChanges' && change.table !== 'attendanceEvents') return;
    this.run(() => this.push(change));
  }

  idle(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.stopObserving();
  }

  private schedulePull(): void {
    if (this.pullScheduled) return;
    this.pullScheduled = true;
    this.run(() => {
      this.pullScheduled = false;
      return this.pull(false);
    });
  }

  private run(step: () => Promise<unknown>): void {
    this.busy++;
    this.queue = this.queue
      .then(step)
      .then(() => undefined)
      .catch((e: unknown) => this.onError(e))
      .finally(() => {
        this.busy--;
        if (this.busy === 0) this.onIdle();
      });
  }

  /**
   * Doc → local: every member and schedule change (the merge skips what this device has, and
   * needs every member to map ids by email), and the events: all of them at start, then those
   * that arrived since (addEvents skips any this device holds).
   */
  private async pull(all: boolean): Promise<void> {
    const m = this.maps;
    if (m.members.size === 0 && m.sessionChanges.size === 0 && m.events.size === 0) return;
    const keys = this.incomingEvents;
    this.incomingEvents = new Set();
    const events = all
      ? [...m.events.values()]
      : [...keys].flatMap((k) => {
          const e = m.events.get(k);
          return e ? [e] : [];
        });
    await this.store.apply({
      members: [...m.members.values()],
      sessionChanges: [...m.sessionChanges.values()],
      events,
    });
  }

  /** Local → doc: everything (no change given) or what one write changed. */
  private async push(change?: LocalChange): Promise<void> {
    const table = change?.table;
    const keys = change?.keys;
    const members = await this.store.members();
    const changes = !table || table === 'sessionChanges' ? await this.store.sessionChanges(keys) : [];
    const events = !table || table === 'attendanceEvents' ? await this.store.events(keys) : [];
    const m = this.maps;
    // The document's id of each person, by email, and of each local member.
    const docIdByEmail = new Map<string, string>();
    for (const [id, dm] of m.members) docIdByEmail.set(normalizeEmail(dm.email), id);
    const docId = new Map<string, string>();
    for (const local of members) {
      const other = docIdByEmail.get(normalizeEmail(local.email));
      docId.set(local.id, m.members.has(local.id) ? local.id : (other ?? local.id));
    }
    const pushMembers = !table || table === 'members';
    const wanted = keys && table === 'members' ? new Set(keys) : undefined;
    this.doc.transact(() => {
      if (pushMembers)
        for (const local of members) {
          if (wanted && !wanted.has(local.id)) continue;
          const inDoc = m.members.get(local.id);
          if (!inDoc) {
            if (docId.get(local.id) === local.id) m.members.set(local.id, plain(local));
            continue;
          }
          const merged = mergedMember(inDoc, local);
          if (!same(merged, inDoc)) m.members.set(local.id, plain(merged));
        }
      for (const c of changes) {
        const inDoc = m.sessionChanges.get(c.sessionId);
        if (!inDoc || (c.updatedAt > inDoc.updatedAt && !same(c, inDoc))) m.sessionChanges.set(c.sessionId, plain(c));
      }
    }, CHAPTER_BRIDGE);
    const fresh = events.filter((e) => !m.events.has(e.id));
    for (let i = 0; i < fresh.length; i += EVENTS_PER_UPDATE) {
      this.doc.transact(() => {
        for (const e of fresh.slice(i, i + EVENTS_PER_UPDATE))
          m.events.set(e.id, plain({ ...e, memberId: docId.get(e.memberId) ?? e.memberId }));
      }, CHAPTER_BRIDGE);
    }
  }
}
