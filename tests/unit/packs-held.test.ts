// Session packs on the device (src/content/pack-install.ts, src/db/packs.ts, the content
// runtime, src/sync/packs.ts): an installed pack's session, material and questions are found,
// loaded and counted like built-in ones; installing again changes nothing; a newer version
// replaces the old and keeps the answers on ids that stay; a withdrawn pack leaves, its answers
// kept for its return; a pack reusing another pack's question ids is refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { installChapterPack, installPackFile, packBase, uninstallPack } from '../../src/content/pack-install';
import { checkDraft } from '../../src/content/pack-check';
import { makePack, type Pack } from '../../src/content/pack';
import {
  bankCounts,
  findSession,
  loadAreaQuestions,
  loadMaterial,
  loadQuestionPlaces,
} from '../../src/content/runtime';
import { content } from '../../src/content/runtime';
import { receivePacks } from '../../src/sync/packs';
import { resetDb } from '../fixtures/db';
import { PACK_QUESTIONS, PACK_SESSION, packQuestions } from '../fixtures/pack';

// The unit tests' content (tests/fixtures/content/valid) has the area "money".
const local = (text: string) =>
  text
    .replace(/area: finance/g, 'area: money')
    .replace(/general-accounting/g, 'books')
    .replace(/trust-accounting/g, 'trust');

function pack(version: number, questions = PACK_QUESTIONS, session = PACK_SESSION): Pack {
  const checked = checkDraft(local(session), local(questions), packBase);
  if (!checked.compiled) throw new Error(JSON.stringify(checked.issues));
  return makePack({ session: local(session), questions: local(questions) }, checked.compiled, {
    version,
    date: '2026-12-02',
  });
}
const V2 = packQuestions([
  ['trc-three-records', 'Which three records does a three-way trust reconciliation compare?'],
  ['trc-monthly-records', 'Each month, which records must agree in a trust reconciliation?'],
]);
const ids = async () => (await loadAreaQuestions('money')).filter((q) => q.origin).map((q) => q.id);

beforeEach(resetDb);
afterEach(async () => {
  await uninstallPack('trust-reconciliation-clinic');
  vi.unstubAllGlobals();
});

describe('a pack on this device', () => {
  it('is found, loaded and counted like built-in content, marked with its source', async () => {
    const before = bankCounts().total;
    expect(await installPackFile(JSON.stringify(pack(1)))).toMatchObject({ ok: true, result: 'installed', version: 1 });
    expect(findSession('trust-reconciliation-clinic')).toMatchObject({
      title: 'Trust reconciliation clinic',
      origin: 'Trust reconciliation clinic (pack v1)',
    });
    expect((await loadMaterial('trust-reconciliation-clinic'))?.materialHtml).toContain('Why reconcile three ways');
    expect(await ids()).toEqual(['trc-three-records', 'trc-monthly-records', 'trc-what-agrees']);
    expect((await loadQuestionPlaces()).filter((p) => p.id.startsWith('trc-'))).toHaveLength(3);
    expect(bankCounts().total).toBe(before + 3);
    expect(content.sessions.some((s) => s.id === 'trust-reconciliation-clinic')).toBe(false);
  });

  it('installing the same version again changes nothing; an older one is refused', async () => {
    await installPackFile(JSON.stringify(pack(2)));
    const stored = await db.packs.get('trust-reconciliation-clinic');
    expect(await installPackFile(JSON.stringify(pack(2)))).toMatchObject({ ok: true, result: 'unchanged' });
    expect(await db.packs.get('trust-reconciliation-clinic')).toEqual(stored);
    expect(await installPackFile(JSON.stringify(pack(1)))).toEqual({
      ok: false,
      problems: ['This device has version 2 of "Trust reconciliation clinic", newer than 1.'],
    });
  });

  it('a newer version replaces the old and the answers on ids that stay are kept', async () => {
    await installPackFile(JSON.stringify(pack(1)));
    for (const questionId of ['trc-three-records', 'trc-what-agrees'])
      await recordAnswer({ questionId, choice: [0], correct: true, context: 'session:trust-reconciliation-clinic' });
    expect(await installChapterPack(pack(2, V2))).toMatchObject({ ok: true, result: 'updated' });
    expect(await ids()).toEqual(['trc-three-records', 'trc-monthly-records']);
    expect((await db.progress.toArray()).map((p) => p.questionId).sort()).toEqual([
      'trc-three-records',
      'trc-what-agrees',
    ]);
  });

  it('a removed pack leaves every screen; its answers stay and count again when it returns', async () => {
    await installPackFile(JSON.stringify(pack(1)));
    await recordAnswer({ questionId: 'trc-three-records', choice: [0], correct: true, context: 'area:money' });
    expect(await uninstallPack('trust-reconciliation-clinic')).toBe(true);
    expect(findSession('trust-reconciliation-clinic')).toBeUndefined();
    expect(await ids()).toEqual([]);
    expect(await db.answers.where('questionId').equals('trc-three-records').count()).toBe(1);
    await installPackFile(JSON.stringify(pack(1)));
    expect(await ids()).toContain('trc-three-records');
  });

  it('refuses a pack whose question ids another pack holds, naming them, and stores nothing', async () => {
    await installPackFile(JSON.stringify(pack(1)));
    const other = pack(1, PACK_QUESTIONS, PACK_SESSION.replace('id: trust-reconciliation-clinic', 'id: other-clinic'));
    const result = await installPackFile(JSON.stringify(other));
    expect(result).toEqual({
      ok: false,
      problems: ['trc-three-records', 'trc-monthly-records', 'trc-what-agrees'].map(
        (id) => `The question id "${id}" is used by the pack "Trust reconciliation clinic": choose another.`,
      ),
    });
    expect(await db.packs.count()).toBe(1);
  });
});

describe('receiving the chapter packs', () => {
  /** A chapter server that lists `listed` and serves each pack by id and version. */
  function chapter(listed: Pack[]) {
    const fetch = vi.fn<(url: string) => Promise<Response>>(async (url) => {
      const path = new URL(url, 'http://app.test').pathname;
      if (path === '/api/packs') return Response.json({ packs: listed.map((p) => ({ manifest: p.manifest })) });
      const found = listed.find((p) => path === `/api/packs/${p.manifest.id}/${p.manifest.version}`);
      return found ? Response.json(found) : Response.json({ error: 'There is no such pack version.' }, { status: 404 });
    });
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }
  const server = { origin: 'http://app.test', token: 't' };

  it('installs new versions, skips held ones, and removes withdrawn chapter packs but not file ones', async () => {
    chapter([pack(1)]);
    expect(await receivePacks(server)).toMatchObject({ ok: true, installed: ['Trust reconciliation clinic v1'] });
    const again = chapter([pack(1)]);
    expect(await receivePacks(server)).toMatchObject({ ok: true, installed: [], removed: [] });
    expect(again).toHaveBeenCalledTimes(1); // the list only: nothing fetched again
    chapter([]);
    expect(await receivePacks(server)).toMatchObject({ ok: true, removed: ['Trust reconciliation clinic'] });
    expect(findSession('trust-reconciliation-clinic')).toBeUndefined();
    await installPackFile(JSON.stringify(pack(1)));
    chapter([]);
    expect(await receivePacks(server)).toMatchObject({ ok: true, removed: [] });
    expect(findSession('trust-reconciliation-clinic')).toBeDefined();
  });

  it('refuses a pack the chapter sends that fails the checks here, and keeps what it holds', async () => {
    await installPackFile(JSON.stringify(pack(1)));
    const hostile = { ...pack(2), session: `${local(PACK_SESSION)}\n<script>window.__pwned = 1</script>\n` };
    chapter([hostile as Pack]);
    const r = await receivePacks(server);
    expect(r).toMatchObject({ ok: true, installed: [], problems: [expect.stringMatching(/HTML is not allowed/)] });
    expect((await db.packs.get('trust-reconciliation-clinic'))?.version).toBe(1);
  });
});
