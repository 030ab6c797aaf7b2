// Shared bits of the content:new / content:import / content:export commands: argument
// parsing, reading the content folder, writing a new file without ever overwriting one, and
// checking it with the build's own compiler.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compileContent } from '../src/content/compile';
import { formatIssues, readContentDirs } from '../src/content/load';
import type { SourceFile } from '../src/content/types';

export interface Args {
  positional: string[];
  flags: Record<string, string>;
}

/** `a b --key value c` -> positional [a, b, c], flags { key: value }. */
export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) flags[a.slice(2)] = argv[++i] ?? '';
    else positional.push(a);
  }
  return { positional, flags };
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

export function contentFiles(dir: string): SourceFile[] {
  try {
    return readContentDirs([dir]);
  } catch {
    return fail(`Cannot read the content folder "${dir}".`);
  }
}

/** Writes a new file; refuses (and changes nothing) when it exists. */
export function writeNew(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      fail(`${path} already exists: nothing written. Choose another name, or edit that file.`);
    throw err;
  }
}

/** Compiles the folder and prints the problems of `path`; returns how many there are. */
export function checkNewFile(dir: string, path: string): number {
  const rel = relative(process.cwd(), path).split('\\').join('/');
  const { issues } = compileContent(readContentDirs([dir]), dir);
  const mine = issues.filter((i) => i.path === rel || i.path === join(rel));
  if (mine.length > 0) {
    console.error(formatIssues(mine));
    console.error(`\n${rel} was written, with ${mine.length} problem(s) to fix; then run npm run content:check.`);
  }
  return mine.length;
}
