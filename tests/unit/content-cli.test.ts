import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { clmContent } from '../../src/content/vite-plugin';
import { BAD, VALID, repoRoot } from '../fixtures/content';

// Each test starts a process that compiles a whole content folder: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

async function check(...dirs: string[]) {
  return checkWith({}, ...dirs);
}

async function checkWith(env: Record<string, string>, ...dirs: string[]) {
  try {
    const { stdout, stderr } = await run(tsx, ['scripts/content-check.ts', ...dirs], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run content:check', () => {
  it('exits 0 on the real content and says what it found', async () => {
    const r = await check();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Content OK: 4 areas, \d+ sessions/);
  });

  it('warns, and still exits 0, when a review is more than 12 months old', async () => {
    const r = await checkWith({ CONTENT_TODAY: '2026-12-15' }, VALID, 'tests/fixtures/content/more');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: tests/fixtures/content/more/questions/money/rationales.md:30 Question "trust-interest-choose-all" was last reviewed 2025-06, 18 months ago',
    );
    expect(r.stderr).not.toContain('trust-records-rationale');
    expect(r.stdout).toMatch(/^Content OK: .*; 1 review to renew\.$/m);
  });

  it.each([
    'yaml-syntax',
    'missing-field',
    'unknown-area',
    'unknown-competency',
    'duplicate-id',
    'no-correct',
    'one-option',
    'impossible-date',
    'bad-hours',
    'empty-file',
  ])('exits non-zero with path:line:col on the %s fixture', async (name) => {
    const r = await check(VALID, `${BAD}/${name}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^tests/fixtures/content/bad/${name}/\\S+\\.md:\\d+:\\d+ \\S`, 'm'));
    expect(r.stderr).toContain('1 problem found');
  });
});

describe('the build', () => {
  it('fails with the same path:line:col messages on bad content', async () => {
    const root = await mkdtemp(join(tmpdir(), 'clm-build-'));
    try {
      await cp(join(repoRoot, VALID), join(root, 'content'), { recursive: true });
      await cp(join(repoRoot, BAD, 'bad-hours'), join(root, 'content'), { recursive: true });
      await writeFile(join(root, 'index.html'), '<script type="module">import "virtual:clm/index";</script>');
      const building = build({
        root,
        configFile: false,
        logLevel: 'silent',
        plugins: [clmContent({ dir: join(root, 'content') })],
        build: { write: false },
      });
      await expect(building).rejects.toThrow(/content\/sessions\/books-night\.md:9:8 "hours" must be at most 8 hours/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
