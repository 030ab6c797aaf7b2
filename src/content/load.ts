// Reads content folders from disk for the compiler (Node only: the Vite plugin and the CLI).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileContent } from './compile.ts';
import { packBaseOf, type PackBase } from './pack-check.ts';
import type { SourceFile } from './types.ts';

/**
 * Reads every Markdown file below each folder. Later folders override files of the same
 * relative path in earlier ones, so a test fixture can replace one file of a valid set.
 */
export function readContentDirs(dirs: string[], cwd = process.cwd()): SourceFile[] {
  const byRelative = new Map<string, SourceFile>();
  for (const dir of dirs) {
    for (const abs of walk(dir)) {
      const rel = relative(dir, abs).split(sep).join('/');
      byRelative.set(rel, {
        path: relative(cwd, abs).split(sep).join('/'),
        relative: rel,
        text: readFileSync(abs, 'utf8'),
      });
    }
  }
  return [...byRelative.values()];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...walk(abs));
    else if (name.endsWith('.md')) out.push(abs);
  }
  return out;
}

export function formatIssues(issues: { path: string; line: number; column: number; message: string }[]): string {
  return issues.map((i) => `${i.path}:${i.line}:${i.column} ${i.message}`).join('\n');
}

/** What session packs are checked against, from a content folder on disk (server, CLI, tests). */
export function loadPackBase(dir: string): PackBase {
  const files = readContentDirs([dir]);
  const { content, issues } = compileContent(files, dir);
  if (!content) throw new Error(`The content in ${dir} has problems:\n${formatIssues(issues)}`);
  return packBaseOf(content, files);
}
