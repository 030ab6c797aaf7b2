// @vitest-environment node
// The chapter's documents on real providers and a Hocuspocus server in this process
// (src/sync/chapter-sync.ts): two committee phones that recorded check-ins apart converge
// within a second of the second one connecting, every event once; a member's device is refused
// the chapter document and keeps the official hours the server wrote, and a change made to its
// read-only hours document is discarded: never sent, and the document is the server's again.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Server } from '@hocuspocus/server';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { ClmDatabase, db as phone, storedMember } from '../../src/db/db';
import { recordCheckIn } from '../../src/db/check-in';
import { addEvents } from '../../src/db/attendance';
import { readOfficial, OFFICIAL_KEY as OFFICIAL_SETTING } from '../../src/db/official';
import { saveAccount, type Account } from '../../src/db/account';
import { startChapterDocs, type ChapterDocs } from '../../src/sync/chapter-sync';
import { HOURS_MAP, OFFICIAL_KEY, type OfficialHours } from '../../src/lib/chapter-doc';
import { newMember } from '../../src/lib/chapter';

const laptop = new ClmDatabase('clm-study-chapter-docs-laptop');
let server: Server;
const running: { docs: ChapterDocs; socket: HocuspocusProviderWebsocket }[] = [];

const official: OfficialHours = {
  memberId: 'm-mia',
  name: 'Mia Member',
  hours: 3,
  attended: 1,
  missed: 0,
  heldHours: 3,
  sessions: [{ sessionId: 'books-night', title: 'Books', date: '2027-01-12', hours: 3 }],
  updatedAt: 1_800_000_000_000,
};

const account = (personId: string, token: string, roles: string[]): Account => ({
  token,
  person: { id: personId, name: personId, email: `${personId}@x.org`, roles },
  device: { id: `device-${personId}`, label: personId },
  chapter: { id: 'c1', name: 'Test Chapter' },
  signedInAt: 1,
});

function start(database: ClmDatabase, a: Account) {
  const socket = new HocuspocusProviderWebsocket({ url: server.webSocketURL, WebSocketPolyfill: WebSocket });
  const docs = startChapterDocs({ account: a, database, socket, onChange: () => undefined, askServer: false });
  running.push({ docs, socket });
  return { docs, socket };
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token, documentName, connectionConfig }) {
      if (documentName === 'chapter:c1' && !token.startsWith('committee')) throw new Error('forbidden');
      // Hours documents are left writable here: a change the device sent would stick, so the
      // test sees that none was sent (the real server opens them read-only).
      if (documentName.startsWith('hours:') && documentName !== `hours:${token.split(':')[1]}`)
        throw new Error('forbidden');
      connectionConfig.readOnly = false;
    },
    async onLoadDocument({ documentName, document }) {
      if (documentName === 'hours:p-mia') document.getMap(HOURS_MAP).set(OFFICIAL_KEY, official);
    },
  });
  await server.listen();
  await Promise.all([phone.open(), laptop.open()]);
});

afterEach(async () => {
  for (const { docs, socket } of running.splice(0)) {
    await docs.stop();
    socket.destroy();
  }
  await Promise.all(
    [phone, laptop].map((d) => d.transaction('rw', d.tables, () => Promise.all(d.tables.map((t) => t.clear())))),
  );
});

afterAll(async () => {
  await server.destroy();
});

describe('the chapter documents', () => {
  it('bring two committee phones that checked in apart to the same attendance within a second', async () => {
    const roster = ['ann', 'bo'].map((n) =>
      storedMember(newMember({ name: n, email: `${n}@x.org`, role: 'candidate' }, 1, `m-${n}`)),
    );
    await phone.members.bulkAdd(roster);
    await laptop.members.bulkAdd(roster);
    // Apart (neither connected yet): both check Ann in, the phone Bo at 2 hours.
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-ann', present: true, hours: 3 }, 'Ann');
    await recordCheckIn({ sessionId: 'books-night', memberId: 'm-bo', present: true, hours: 2 }, 'Bo');
    await laptop.transaction('rw', laptop.attendance, laptop.attendanceEvents, () =>
      addEvents(laptop, [
        {
          id: 'laptop-1',
          kind: 'check-in',
          sessionId: 'books-night',
          memberId: 'm-ann',
          hours: 3,
          device: 'laptop',
          by: 'Cal',
          at: Date.now(),
        },
      ]),
    );
    start(phone, account('p-cora', 'committee:p-cora', ['committee']));
    await new Promise((r) => setTimeout(r, 300));
    const second = start(laptop, account('p-cal', 'committee:p-cal', ['committee']));
    let connectedAt = 0;
    second.socket.on('connect', () => (connectedAt = Date.now()));
    const same = async () => {
      const [a, b] = await Promise.all([phone.attendance.toArray(), laptop.attendance.toArray()]);
      const [ea, eb] = await Promise.all([phone.attendanceEvents.count(), laptop.attendanceEvents.count()]);
      return a.length === 2 && ea === 3 && eb === 3 && JSON.stringify(a) === JSON.stringify(b);
    };
    await until('both phones agree', same);
    const ms = Date.now() - connectedAt;
    console.log(`chapter docs: converged ${ms} ms after the second phone connected`);
    expect(connectedAt).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
    expect((await laptop.attendance.get('books-night|m-bo'))?.hours).toBe(2);
  });

  it('refuses a member the chapter document, keeps the official hours, and discards a change to them', async () => {
    const mia = account('p-mia', 'member:p-mia', ['committee']);
    await saveAccount(mia);
    const { docs } = start(phone, mia);
    await until('official hours kept', async () => (await readOfficial(phone))?.official.hours === 3);
    await until('chapter refused', () => docs.refused());
    expect(await phone.syncDocs.count()).toBe(1);
    // A local change to the read-only document: never kept, never sent, and the document is the server's again.
    const tampered = docs.hoursDoc();
    tampered.getMap(HOURS_MAP).set(OFFICIAL_KEY, { ...official, hours: 999 });
    await until('a fresh document', () => docs.hoursDoc() !== tampered);
    await until(
      'the server state again',
      () => (docs.hoursDoc().getMap(HOURS_MAP).get(OFFICIAL_KEY) as OfficialHours | undefined)?.hours === 3,
    );
    await docs.settled();
    expect((await readOfficial(phone))?.official.hours).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    const direct = await server.hocuspocus.openDirectConnection('hours:p-mia');
    expect(direct.document?.getMap(HOURS_MAP).get(OFFICIAL_KEY)).toMatchObject({ hours: 3 });
    await direct.disconnect();
    expect((await phone.settings.get(OFFICIAL_SETTING))?.value).toMatchObject({ personId: 'p-mia' });
  });
});
