// What the chapter bench (chapter.ts) stands on: a content folder whose season is over (the
// real program and sessions, moved a year back, so every session is held and the official
// hours move with each check-in), chapter documents shaped like a real chapter's (a roster and
// a season of attendance events), a data folder with committee and member devices made with
// the Store directly, and providers that open any document by name.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { randomUUID } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { AttendanceEvent, AttendanceEventKind } from '../../src/lib/attendance-log.ts';
import { newMember, type Member } from '../../src/lib/chapter.ts';
import { CHAPTER_MAPS } from '../../src/lib/chapter-doc.ts';
import { Store, type Role } from '../../server/store.ts';
import { Tokens } from '../../server/tokens.ts';
import { temp } from './sync-fixtures.ts';

/** The real program and sessions with every date a year earlier: a season already held. */
export function pastSeasonContent(): string {
  const dir = temp('content');
  cpSync('content/areas', join(dir, 'areas'), { recursive: true });
  cpSync('content/sessions', join(dir, 'sessions'), { recursive: true });
  cpSync('content/program.md', join(dir, 'program.md'));
  const back = (file: string) =>
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/\b(20\d\d)-(\d\d)-(\d\d)\b/g, (_, y, m, d) => `${Number(y) - 1}-${m}-${d}`),
    );
  back(join(dir, 'program.md'));
  for (const name of readdirSync(join(dir, 'sessions'))) back(join(dir, 'sessions', name));
  return dir;
}

export const memberEmail = (chapter: number, i: number) => `m${i}.c${chapter}@bench.example`;

let clock = 1_760_000_000_000;
export function benchEvent(
  kind: AttendanceEventKind,
  sessionId: string,
  memberId: string,
  extra: Partial<AttendanceEvent> = {},
): AttendanceEvent {
  clock += 1000;
  return { id: randomUUID(), kind, sessionId, memberId, device: 'bench', by: 'Bench Committee', at: clock, ...extra };
}

/**
 * A chapter's document: `members` members and about `eventCount` events over the sessions,
 * as a season leaves them: check-ins, every tenth adjusted, some absences, some undone.
 */
export function chapterDoc(chapter: number, members: number, eventCount: number, sessions: string[]): Y.Doc {
  const doc = new Y.Doc();
  const roster: Member[] = [];
  for (let i = 0; i < members; i++)
    roster.push(newMember({ name: `Member ${i}`, email: memberEmail(chapter, i), role: 'candidate' }, 1, randomUUID()));
  doc.transact(() => {
    const map = doc.getMap<Member>(CHAPTER_MAPS.members);
    for (const m of roster) map.set(m.id, m);
    const log = doc.getMap<AttendanceEvent>(CHAPTER_MAPS.events);
    for (let n = 0; log.size < eventCount; n++) {
      const m = roster[n % roster.length]!;
      const s = sessions[Math.floor(n / roster.length) % sessions.length]!;
      const e = benchEvent(n % 17 === 0 ? 'absent' : 'check-in', s, m.id, { hours: 3 });
      log.set(e.id, e);
      if (n % 10 === 0) {
        const adjust = benchEvent('adjust', s, m.id, { hours: 1.5 + (n % 3) * 0.5 });
        log.set(adjust.id, adjust);
      }
      if (n % 23 === 0) {
        const undo = benchEvent('undo', s, m.id, { target: e.id });
        log.set(undo.id, undo);
      }
    }
  });
  return doc;
}

export const rosterOf = (doc: Y.Doc) => [...doc.getMap<Member>(CHAPTER_MAPS.members).values()];
export const eventsOf = (doc: Y.Doc) => doc.getMap<AttendanceEvent>(CHAPTER_MAPS.events);

export interface BenchDevice {
  personId: string;
  email: string;
  token: string;
}

/**
 * A data folder with its chapter set up and `groups` of people, each `count` people of a role
 * with `devices` devices; `documents` are stored under their names before the server starts.
 */
export async function prepareChapter(
  groups: { role: Role; count: number; devices: number; email: (i: number) => string }[],
  documents: (chapterId: string, people: BenchDevice[][][]) => Map<string, Y.Doc>,
) {
  const dataDir = temp('data');
  const store = new Store(dataDir);
  const tokens = new Tokens(store);
  const made: { person: Parameters<Tokens['issue']>[0]; devices: Parameters<Tokens['issue']>[1][] }[][] = [];
  store.db.transaction(() => {
    store.init({ chapter: 'Bench Chapter', name: 'Ann Admin', email: 'ann@bench.example' });
    for (const group of groups) {
      const list: (typeof made)[number] = [];
      for (let i = 0; i < group.count; i++) {
        const { code } = store.createInvite({ role: group.role, email: group.email(i) });
        const first = store.enrol(code, 'Phone 0');
        if (!first) throw new Error('chapter bench: enrolment failed');
        const devices = [first.device];
        for (let d = 1; d < group.devices; d++) {
          const added = store.enrol(store.createDeviceLink(first.person.id).code, `Phone ${d}`);
          if (!added) throw new Error('chapter bench: adding a device failed');
          devices.push(added.device);
        }
        list.push({ person: first.person, devices });
      }
      made.push(list);
    }
  })();
  const people: BenchDevice[][][] = [];
  for (const list of made) {
    const group: BenchDevice[][] = [];
    for (const { person, devices } of list)
      group.push(
        await Promise.all(
          devices.map(async (d) => ({
            personId: person.id,
            email: person.email,
            token: await tokens.issue(person, d),
          })),
        ),
      );
    people.push(group);
  }
  const chapterId = store.chapterId();
  for (const [name, doc] of documents(chapterId, people)) {
    store.storeDocument(name, Y.encodeStateAsUpdate(doc));
    doc.destroy();
  }
  store.close();
  return { dataDir, chapterId, people };
}

export interface DocClient {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  refusals: string[];
  destroy(): void;
}

const open = new Set<DocClient>();

/**
 * ws, with its errors heard: a provider that gives up on a socket still connecting (on a busy
 * machine) closes it, and ws reports that as an 'error' event, which unheard would end the bench.
 */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/**
 * A provider on its own WebSocket for one document, as one tab of a device opens it. With
 * `awareness: false` it shares no awareness (as the chapter document is opened: nobody's
 * presence is shown, and with awareness every device's update goes to every other device).
 */
export function connectDoc(
  wsUrl: string,
  name: string,
  token: string,
  options: { awareness?: boolean } = {},
): DocClient {
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: QuietWebSocket as unknown as typeof globalThis.WebSocket,
  });
  const doc = new Y.Doc();
  const refusals: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    ...(options.awareness === false ? { awareness: null } : {}),
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  provider.attach();
  const client: DocClient = {
    provider,
    doc,
    refusals,
    destroy() {
      open.delete(client);
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  open.add(client);
  return client;
}

export function destroyAll(): void {
  for (const client of open) client.destroy();
}

export const docSynced = (c: DocClient) => c.provider.isSynced && c.provider.unsyncedChanges === 0;
export function failIfRefused(c: DocClient): void {
  if (c.refusals.length) throw new Error(`chapter bench: the server refused a device: ${c.refusals[0]}`);
}
