// Session packs on the chapter server: speakers and the committee publish, members are
// refused; every version is kept and immutable; a retry changes nothing; colliding, malformed,
// hostile and oversized packs are refused whole with the problem named; a withdrawn pack leaves
// the list and a new version brings it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDraft, type PackBase } from '../../src/content/pack-check';
import { loadPackBase } from '../../src/content/load';
import { makePack, MAX_PACK_BYTES, type Pack } from '../../src/content/pack';
import { PACK_QUESTIONS, PACK_SESSION, packQuestions } from '../fixtures/pack';
import { post, startTestServer, type Enrolled, type TestServer } from './harness.ts';

let server: TestServer;
let base = '';
let speaker: Enrolled;
let member: Enrolled;
let committee: Enrolled;
let packBase: PackBase;
beforeAll(async () => {
  packBase = loadPackBase('content');
  server = await startTestServer();
  base = `http://127.0.0.1:${server.port}`;
  speaker = await server.enrolPerson('dana@example.org', 'speaker');
  member = await server.enrolPerson('mo@example.org', 'member');
  committee = await server.enrolPerson('cy@example.org', 'committee');
});
afterAll(() => server.stop());

function pack(version: number, questions = PACK_QUESTIONS, session = PACK_SESSION): Pack {
  const checked = checkDraft(session, questions, packBase);
  if (!checked.compiled) throw new Error(JSON.stringify(checked.issues));
  return makePack({ session, questions }, checked.compiled, { version, date: '2026-12-02' });
}
const get = async (path: string, who: Enrolled) =>
  (await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${who.token}` } })).json();
const remove = (path: string, who: Enrolled) =>
  fetch(`${base}${path}`, { method: 'DELETE', headers: { Authorization: `Bearer ${who.token}` } });

describe('publishing a pack', () => {
  it('a speaker publishes; a member sees it in the list and fetches it', async () => {
    const published = await post(base, '/api/packs', pack(1), speaker.token);
    expect(published.status).toBe(201);
    expect((await published.json()).manifest).toMatchObject({ id: 'trust-reconciliation-clinic', version: 1 });
    const { packs } = await get('/api/packs', member);
    expect(packs.map((p: { manifest: { id: string; version: number } }) => p.manifest)).toEqual([
      expect.objectContaining({ id: 'trust-reconciliation-clinic', version: 1, author: 'Dana Reyes' }),
    ]);
    expect(await get('/api/packs/trust-reconciliation-clinic/1', member)).toEqual(pack(1));
  });

  it('a retry of the same version changes nothing; a changed version 1 is refused', async () => {
    const again = await post(base, '/api/packs', pack(1), speaker.token);
    expect(again.status).toBe(200);
    const changed = pack(1, PACK_QUESTIONS.replace('Which three records', 'Which records'));
    const refused = await post(base, '/api/packs', changed, speaker.token);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error).toBe('Version 1 of this pack is published: publish this one as version 2.');
    expect(await get('/api/packs/trust-reconciliation-clinic/1', member)).toEqual(pack(1));
  });

  it('refuses a member, whatever the pack', async () => {
    const refused = await post(base, '/api/packs', pack(5), member.token);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe('Only speakers and the committee publish session packs.');
    expect((await remove('/api/packs/trust-reconciliation-clinic', member)).status).toBe(403);
    expect((await get('/api/packs', member)).packs[0].manifest.version).toBe(1);
  });

  it('refuses malformed, hostile, colliding and oversized packs, naming the problem, and stores nothing', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ ...pack(2), session: PACK_SESSION.replace('hours: 2', 'hours: lots') }, 422, /^session\.md:12:8 /],
      [{ ...pack(2), session: `${PACK_SESSION}\n<img src=x onerror="alert(1)">\n` }, 422, /HTML is not allowed/],
      [{ ...pack(2), questions: packQuestions([['fa-zero-based-budgeting', 'A stem?']]) }, 422, /built-in question/],
      [{ format: 'clm-session-pack' }, 422, /^manifest: /],
    ];
    for (const [body, status, message] of cases) {
      const response = await post(base, '/api/packs', body, speaker.token);
      expect(response.status).toBe(status);
      expect((await response.json()).error).toMatch(message);
    }
    const big = await post(base, '/api/packs', { ...pack(2), session: 'x'.repeat(MAX_PACK_BYTES + 10) }, speaker.token);
    expect(big.status).toBe(413);
    expect((await big.json()).error).toMatch(/largest accepted/);
    const other = checkDraft(
      PACK_SESSION.replace(/trust-reconciliation-clinic/g, 'another-clinic'),
      PACK_QUESTIONS,
      packBase,
    );
    const clash = makePack(
      { session: PACK_SESSION.replace(/trust-reconciliation-clinic/g, 'another-clinic'), questions: PACK_QUESTIONS },
      other.compiled!,
      { version: 1, date: '2026-12-02' },
    );
    const clashed = await post(base, '/api/packs', clash, committee.token);
    expect(clashed.status).toBe(409);
    expect((await clashed.json()).error).toBe(
      'The question id "trc-three-records" is used by the pack "trust-reconciliation-clinic": choose another.',
    );
    const { packs } = await get('/api/packs', member);
    expect(
      packs.map((p: { manifest: { id: string; version: number } }) => [p.manifest.id, p.manifest.version]),
    ).toEqual([['trust-reconciliation-clinic', 1]]);
  });
});

describe('versions and withdrawal', () => {
  it('version 2 replaces version 1 in the list; version 1 stays fetchable', async () => {
    const v2 = pack(
      2,
      packQuestions([
        ['trc-three-records', 'Which three records does a three-way trust reconciliation compare?'],
        ['trc-monthly-records', 'Each month, which records must agree in a trust reconciliation?'],
      ]),
    );
    expect((await post(base, '/api/packs', v2, speaker.token)).status).toBe(201);
    expect((await get('/api/packs', member)).packs[0].manifest.version).toBe(2);
    expect((await get('/api/packs/trust-reconciliation-clinic/1', member)).manifest.version).toBe(1);
  });

  it('another speaker may not publish over a pack; the committee may', async () => {
    const other = await server.enrolPerson('sam@example.org', 'speaker');
    const refused = await post(base, '/api/packs', pack(3), other.token);
    expect(refused.status).toBe(403);
    expect((await post(base, '/api/packs', pack(3), committee.token)).status).toBe(201);
  });

  it('a withdrawn pack leaves the list, a second withdrawal changes nothing, a new version brings it back', async () => {
    expect((await remove('/api/packs/trust-reconciliation-clinic', speaker)).status).toBe(204);
    expect((await remove('/api/packs/trust-reconciliation-clinic', speaker)).status).toBe(204);
    expect((await get('/api/packs', member)).packs).toEqual([]);
    expect((await remove('/api/packs/no-such-pack', speaker)).status).toBe(404);
    expect((await post(base, '/api/packs', pack(4), speaker.token)).status).toBe(201);
    expect((await get('/api/packs', member)).packs[0].manifest.version).toBe(4);
  });
});
