// Roles enforced by the server: only an admin invites committee members, speakers or admins
// (a committee device invites members only, a member or speaker nobody); only an admin changes
// roles, and never so the chapter is left without one. A role change takes effect on the next
// connection. The chapter's id is made once and kept, also for a server set up before ids.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chapterDocName } from '../../src/lib/chapter-doc.ts';
import { runCli } from '../../server/cli.ts';
import { Store } from '../../server/store.ts';
import {
  connect,
  post,
  settled,
  startTestServer,
  tempDir,
  until,
  type Client,
  type Enrolled,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let base = '';
let admin: Enrolled;
let committee: Enrolled;
let member: Enrolled;
let speaker: Enrolled;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
  base = `http://127.0.0.1:${server.port}`;
  admin = await server.enrolPerson('ann@example.org', 'admin');
  committee = await server.enrolPerson('cy@example.org', 'committee');
  member = await server.enrolPerson('mo@example.org', 'member');
  speaker = await server.enrolPerson('sam@example.org', 'speaker');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(() => server.stop());

const invite = (who: Enrolled, role: string, email = 'new@example.org') =>
  post(base, '/api/invites', { role, email }, who.token);
const setRoles = (who: Enrolled, personId: string, roles: unknown) =>
  fetch(`${base}/api/people/${personId}/roles`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${who.token}` },
    body: JSON.stringify({ roles }),
  });
const codes = () => (server.store.db.prepare('SELECT COUNT(*) AS n FROM codes').get() as { n: number }).n;

describe('invites', () => {
  it('lets a committee device invite a member, and the link enrols them as a member', async () => {
    const response = await invite(committee, 'member', 'newbie@example.org');
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    const code = new URL(url).hash.replace(/^#code=/, '');
    const enrolled = await post(base, '/api/enrol', { code, label: 'Phone' });
    expect((await enrolled.json()).person).toMatchObject({ email: 'newbie@example.org', roles: ['member'] });
  });

  it('refuses a committee device that invites a committee member, a speaker or an admin (403, no invite made)', async () => {
    const before = codes();
    for (const role of ['committee', 'speaker', 'admin']) {
      const response = await invite(committee, role);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'Only an admin invites committee members, speakers or admins.' });
    }
    expect(codes()).toBe(before);
  });

  it('refuses members and speakers any invite', async () => {
    const before = codes();
    for (const who of [member, speaker]) {
      const response = await invite(who, 'member');
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'Only the committee invites people.' });
    }
    expect(codes()).toBe(before);
  });

  it('lets an admin invite a speaker or a committee member; refuses an unknown role or a bad email', async () => {
    expect((await invite(admin, 'speaker')).status).toBe(200);
    expect((await invite(admin, 'committee')).status).toBe(200);
    expect((await invite(admin, 'owner')).status).toBe(400);
    expect((await invite(admin, 'member', 'not an email')).status).toBe(400);
    expect((await post(base, '/api/invites', { role: 'member', email: 'x@example.org' })).status).toBe(401);
  });
});

describe('role changes', () => {
  it("refuses a committee device, a member and a speaker that change anyone's roles", async () => {
    for (const who of [committee, member, speaker]) {
      const response = await setRoles(who, member.person.id, ['committee']);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: "Only an admin changes people's roles." });
    }
    const self = await setRoles(committee, committee.person.id, ['admin']);
    expect(self.status).toBe(403);
    expect(server.store.person(member.person.id)?.roles).toEqual(['member']);
    expect(server.store.person(committee.person.id)?.roles).toEqual(['committee']);
  });

  it('refuses to leave the chapter without an admin, and bad roles', async () => {
    const response = await setRoles(admin, admin.person.id, ['member']);
    expect(response.status).toBe(409);
    expect(server.store.person(admin.person.id)?.roles).toEqual(['admin']);
    expect((await setRoles(admin, member.person.id, [])).status).toBe(400);
    expect((await setRoles(admin, member.person.id, ['boss'])).status).toBe(400);
    expect((await setRoles(admin, 'nobody', ['member'])).status).toBe(404);
  });

  it('takes effect on the next connection: a member made committee opens the chapter document, then not once made member again', async () => {
    const name = chapterDocName(server.store.chapterId());
    const first = connect(server.wsUrl, name, member.token);
    clients.push(first);
    await until(() => first.refusals.length > 0, 'the member to be refused');

    const promoted = await setRoles(admin, member.person.id, ['member', 'committee']);
    expect(promoted.status).toBe(200);
    expect((await promoted.json()).person.roles).toEqual(['member', 'committee']);
    const second = connect(server.wsUrl, name, member.token);
    clients.push(second);
    await settled(second, 'the promoted member to sync the chapter document');

    expect((await setRoles(admin, member.person.id, ['member'])).status).toBe(200);
    const third = connect(server.wsUrl, name, member.token);
    clients.push(third);
    await until(() => third.refusals.length > 0, 'the demoted member to be refused');
    expect(third.refusals).toEqual(['forbidden']);
  });
});

describe("the operator's CLI", () => {
  it('sets roles with npm run server -- roles, and refuses an unknown role or person', async () => {
    const before = process.env.DATA_DIR;
    process.env.DATA_DIR = server.dataDir;
    const lines: string[] = [];
    try {
      const guest = await server.enrolPerson('guest@example.org', 'member');
      expect(
        await runCli(['roles', '--email', 'guest@example.org', '--role', 'member,speaker'], (l) => lines.push(l)),
      ).toBe(0);
      expect(server.store.person(guest.person.id)?.roles).toEqual(['member', 'speaker']);
      expect(await runCli(['roles', '--email', 'guest@example.org', '--role', 'boss'], (l) => lines.push(l))).toBe(1);
      expect(await runCli(['roles', '--email', 'nobody@example.org', '--role', 'member'], (l) => lines.push(l))).toBe(
        1,
      );
      expect(server.store.person(guest.person.id)?.roles).toEqual(['member', 'speaker']);
      expect(lines.at(-1)).toMatch(/Nobody with the email nobody@example.org/);
    } finally {
      if (before === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = before;
    }
  });
});

describe("the chapter's people", () => {
  it('lists people with their roles and devices to an admin only', async () => {
    const list = (who: Enrolled) => fetch(`${base}/api/people`, { headers: { Authorization: `Bearer ${who.token}` } });
    for (const who of [committee, member, speaker]) expect((await list(who)).status).toBe(403);
    const { people } = (await (await list(admin)).json()) as {
      people: { id: string; roles: string[]; devices: { id: string }[] }[];
    };
    const cy = people.find((p) => p.id === committee.person.id);
    expect(cy?.roles).toEqual(['committee']);
    expect(cy?.devices.map((d) => d.id)).toEqual([committee.device.id]);
  });
});

describe('the chapter id', () => {
  it('is made at init and kept; /api/me returns it with the chapter name and the roles', async () => {
    const id = server.store.chapterId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const me = await (await fetch(`${base}/api/me`, { headers: { Authorization: `Bearer ${member.token}` } })).json();
    expect(me.chapter).toEqual({ id, name: 'Test Chapter' });
    expect(me.roles).toEqual(me.person.roles);
    expect(server.store.chapterId()).toBe(id);
  });

  it('is given to a server set up before chapters had ids, on its first start, and kept after', async () => {
    const dataDir = tempDir('old');
    const old = new Store(dataDir);
    old.init({ chapter: 'Old Chapter', name: 'Ola', email: 'ola@example.org' });
    old.db.prepare("DELETE FROM meta WHERE key = 'chapter_id'").run();
    old.close();
    const first = await startTestServer({ dataDir });
    const id = first.store.meta('chapter_id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await first.close();
    rmSync(first.distDir, { recursive: true, force: true });
    const again = await startTestServer({ dataDir });
    expect(again.store.chapterId()).toBe(id);
    expect(again.store.chapterName()).toBe('Old Chapter');
    await again.stop();
  });
});
