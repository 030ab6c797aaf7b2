// Session packs (src/content/pack.ts, pack-check.ts): a speaker's draft is checked by the
// build's compiler against the built-in areas; a pack colliding with built-in ids, malformed,
// hostile or too large is refused whole, with the problem named.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPackBase } from '../../src/content/load';
import { checkDraft, type PackBase } from '../../src/content/pack-check';
import { MAX_PACK_BYTES, makePack, readPack, type Pack } from '../../src/content/pack';
import { PAYLOADS } from '../fixtures/hostile/payloads';
import { PACK_QUESTIONS, PACK_SESSION, packQuestions } from '../fixtures/pack';

let base: PackBase;
beforeAll(() => {
  base = loadPackBase('content');
});

function pack(session = PACK_SESSION, questions = PACK_QUESTIONS): Pack {
  const checked = checkDraft(PACK_SESSION, PACK_QUESTIONS, base);
  if (!checked.compiled) throw new Error(JSON.stringify(checked.issues));
  return {
    ...makePack({ session: PACK_SESSION, questions: PACK_QUESTIONS }, checked.compiled, {
      version: 1,
      date: '2026-12-02',
    }),
    session,
    questions,
  };
}

describe('a speaker draft', () => {
  it('compiles with the build compiler to a session, its material and its questions', () => {
    const { issues, compiled } = checkDraft(PACK_SESSION, PACK_QUESTIONS, base);
    expect(issues).toEqual([]);
    expect(compiled?.session).toMatchObject({ id: 'trust-reconciliation-clinic', area: 'finance', questionCount: 3 });
    expect(compiled?.material.materialHtml).toContain('<h2>Why reconcile three ways</h2>');
    expect(compiled?.questions.map((q) => q.id)).toEqual([
      'trc-three-records',
      'trc-monthly-records',
      'trc-what-agrees',
    ]);
  });

  it('reports a problem at the line and column of the file it is in', () => {
    const broken = PACK_QUESTIONS.replace(
      '- [x] The bank statement, the trust journal',
      '- [ ] The bank statement, the trust journal',
    );
    const { issues, compiled } = checkDraft(PACK_SESSION, broken, base);
    expect(compiled).toBeUndefined();
    expect(issues[0]).toMatchObject({
      path: 'questions.md',
      line: 10,
      message: expect.stringMatching(/no correct option/),
    });
    const badArea = checkDraft(PACK_SESSION.replace('area: finance', 'area: fiance'), PACK_QUESTIONS, base);
    expect(badArea.issues).toContainEqual(expect.objectContaining({ path: 'session.md', line: 4, column: 7 }));
  });

  it('refuses ids that collide with built-in content, at their lines', () => {
    const taken = base.questionIds[0] ?? '';
    const { issues } = checkDraft(
      PACK_SESSION.replace('id: trust-reconciliation-clinic', `id: ${base.sessionIds[0]}`),
      packQuestions([[taken, 'A stem that reuses a built-in id?']]),
      base,
    );
    expect(issues.map((i) => `${i.path}:${i.line} ${i.message}`)).toEqual([
      `questions.md:6 The question id "${taken}" is used by a built-in question: choose another.`,
      `session.md:2 The session id "${base.sessionIds[0]}" is used by a built-in session: choose another.`,
    ]);
  });

  it('refuses every payload of the hostile corpus at its line', () => {
    for (const payload of PAYLOADS) {
      const body = `${PACK_SESSION}\n${payload.md}\n`;
      const { issues, compiled } = checkDraft(body, PACK_QUESTIONS, base);
      const line = body.split('\n').length - 1;
      const refusedAt = compiled ? line : issues[0]?.line;
      // Accepted only when the browser would read it as plain text or a harmless link.
      const unsafe = compiled ? unsafeHtml(compiled.material.materialHtml.split('</ul>')[1] ?? '') : [];
      expect(unsafe, payload.name).toEqual([]);
      // Markdown holding raw HTML or a script link is refused, not quietly cleaned.
      const hostileMarkup =
        !payload.md.startsWith('`') && /<[a-z][^>]*>|\]\((?:javascript|vbscript|data):/i.test(payload.md);
      expect(hostileMarkup && compiled !== undefined, `${payload.name} is refused`).toBe(false);
      expect(refusedAt, payload.name).toBeGreaterThanOrEqual(line - 3);
    }
  });
});

/** What in `html` could run script or load from elsewhere (parsed inertly, as a browser would). */
function unsafeHtml(html: string): string[] {
  const found: string[] = [];
  const allowed = ['p', 'a', 'img', 'em', 'strong', 'code', 'pre', 'del', 'br', 'blockquote', 'table', 'div'];
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll('*')) {
    if (!allowed.includes(el.localName)) found.push(`<${el.localName}>`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) found.push(name);
      const url = new URL(value, 'https://app.invalid/');
      if (name === 'href' && !/^(https?|mailto):$/.test(url.protocol)) found.push(value);
      if (name === 'src' && url.origin !== 'https://app.invalid') found.push(value);
    }
  }
  return found;
}

describe('reading a pack', () => {
  it('accepts a pack made from a clean draft and marks its questions with their source', () => {
    const result = readPack(JSON.stringify(pack()), base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.manifest).toEqual({
      id: 'trust-reconciliation-clinic',
      version: 1,
      title: 'Trust reconciliation clinic',
      author: 'Dana Reyes',
      date: '2026-12-02',
      competencies: ['trust-accounting'],
    });
    expect(result.compiled.questions[0]?.origin).toBe('Trust reconciliation clinic (pack v1)');
    expect(result.compiled.session.origin).toBe('Trust reconciliation clinic (pack v1)');
  });

  it('refuses a file that is not a pack, a malformed one and an oversized one, naming why', () => {
    expect(readPack('not json', base)).toEqual({
      ok: false,
      problems: ['This is not a session pack: the file is not JSON.'],
    });
    expect(readPack('{"format":"other"}', base)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not a session pack/)],
    });
    const noVersion = { ...pack(), manifest: { ...pack().manifest, version: 0 } };
    expect(readPack(JSON.stringify(noVersion), base)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^manifest\.version: /)],
    });
    const malformed = pack(PACK_SESSION.replace('hours: 2', 'hours: lots'));
    expect(readPack(JSON.stringify(malformed), base)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^session\.md:12:8 /)],
    });
    const big = pack(PACK_SESSION + 'x'.repeat(MAX_PACK_BYTES));
    expect(readPack(JSON.stringify(big), base)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/largest accepted is 1,024 KB/)],
    });
    const renamed = { ...pack(), manifest: { ...pack().manifest, id: 'another-id' } };
    expect(readPack(JSON.stringify(renamed), base)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^manifest\.id: /)],
    });
  });

  it('refuses a pack whose Markdown holds a script', () => {
    const hostile = pack(PACK_SESSION + '\n<script>window.__pwned = 1</script>\n');
    const result = readPack(JSON.stringify(hostile), base);
    expect(result).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^session\.md:23:1 HTML is not allowed/)],
    });
  });
});
