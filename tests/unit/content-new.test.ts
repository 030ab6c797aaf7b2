// The content commands for speakers working in the repository: content:new scaffolds files from
// content/templates/ that compile as they are and never overwrites one; content:import and
// content:export move GIFT / Aiken banks in and out. Each test runs the real command on a copy
// of the valid fixture.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileContent } from '../../src/content/compile';
import { readContentDirs } from '../../src/content/load';
import { fillTemplate, questionValues, sessionValues, areasOf } from '../../src/content/scaffold';
import { VALID, repoRoot } from '../fixtures/content';

// Each command is a process that compiles a content folder: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
let dir: string;

async function cli(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${script}.ts`, ...args, '--content', dir], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clm-content-'));
  await cp(VALID, dir, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('content templates', () => {
  it('fill to a session and a question file that compile with zero problems', async () => {
    const files = readContentDirs([VALID]);
    const [area] = areasOf(files);
    const session = fillTemplate(
      await readFile('content/templates/session.md.tmpl', 'utf8'),
      sessionValues('new-night', area!, files),
    );
    const questions = fillTemplate(
      await readFile('content/templates/questions.md.tmpl', 'utf8'),
      questionValues('new-bank', area!),
    );
    const { issues, content } = compileContent([
      ...files,
      { path: 'mem/s.md', relative: 'sessions/new-night.md', text: session },
      { path: 'mem/q.md', relative: `questions/${area!.id}/new-bank.md`, text: questions },
    ]);
    expect(issues).toEqual([]);
    expect(content!.index.sessions.map((s) => s.id)).toContain('new-night');
    expect(content!.questionsByArea[area!.id]!.map((q) => q.id)).toContain('new-bank-first-question');
  });

  it('refuse a template placeholder with no value', () => {
    expect(() => fillTemplate('id: {{id}}\narea: {{area}}', { id: 'x' })).toThrow('{{area}}');
  });
});

describe('npm run content:new', () => {
  it('scaffolds a session and a question file that compile, and refuses to overwrite them', async () => {
    const s = await cli('content-new', 'session', 'night-three', '--area', 'people');
    expect(s.stderr).toBe('');
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(`Created ${join(dir, 'sessions/night-three.md')}`);
    const q = await cli('content-new', 'questions', 'money', 'extra', '--subarea', 'analysis');
    expect(q.code).toBe(0);
    const text = await readFile(join(dir, 'questions/money/extra.md'), 'utf8');
    expect(text).toMatch(/^---\narea: money\nsubarea: analysis/);
    const { issues } = compileContent(readContentDirs([dir]));
    expect(issues).toEqual([]);

    const again = await cli('content-new', 'questions', 'money', 'extra');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists: nothing written');
    expect(await readFile(join(dir, 'questions/money/extra.md'), 'utf8')).toBe(text);
  });

  it('explains bad arguments and writes nothing', async () => {
    const r = await cli('content-new', 'session', 'Bad Id');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The session id "Bad Id" must be lowercase letters');
    const u = await cli('content-new', 'questions', 'nowhere', 'x');
    expect(u.stderr).toContain('Unknown area "nowhere": use one of money, people.');
  });
});

describe('npm run content:import and content:export', () => {
  it('imports a GIFT bank into questions/<area>/<name>.md with its report, and it compiles', async () => {
    const r = await cli(
      'content-import',
      'gift',
      'tests/fixtures/banks/pegjs-giftFormatPhpExamples.gift',
      'money',
      'grant',
      '--subarea',
      'books',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'tests/fixtures/banks/pegjs-giftFormatPhpExamples.gift:15 not imported: matching question',
    );
    expect(r.stdout).toContain('5 questions converted, 5 not supported, 0 malformed.');
    const text = await readFile(join(dir, 'questions/money/grant.md'), 'utf8');
    expect(text).toMatch(
      /^---\n# Imported from pegjs-giftFormatPhpExamples\.gift \(GIFT\)\.\narea: money\nsubarea: books\n---/,
    );
    expect(compileContent(readContentDirs([dir])).issues).toEqual([]);
  });

  it('refuses a malformed bank and writes nothing', async () => {
    const r = await cli(
      'content-import',
      'gift',
      'tests/fixtures/banks/malformed.gift',
      'money',
      'broken',
      '--subarea',
      'books',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tests/fixtures/banks/malformed.gift:5:52 error: GIFT syntax error');
    expect(r.stderr).toContain('Nothing written: fix the errors above.');
    await expect(readFile(join(dir, 'questions/money/broken.md'), 'utf8')).rejects.toThrow('ENOENT');
  });

  it('exports an area as Aiken on stdout, listing what Aiken cannot hold', async () => {
    const r = await cli('content-export', 'aiken', 'people');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nANSWER: [A-Z]\n$/);
    expect(r.stderr).toMatch(/questions exported as AIKEN\.$/m);
  });
});
