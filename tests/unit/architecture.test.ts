// Keeps the shape the app relies on: storage behind one data layer, pages lazy-loaded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('architecture', () => {
  it("lets only src/db and the features' data.ts modules import Dexie", () => {
    const offenders = sources('src').filter(
      (f) =>
        /from ['"]dexie(-react-hooks)?['"]/.test(readFileSync(f, 'utf8')) &&
        !f.startsWith('src/db/') &&
        !/src\/features\/[^/]+\/data\.ts$/.test(f),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps features from importing each other', () => {
    const offenders = sources('src/features').flatMap((f) => {
      const own = f.split('/')[2];
      return [...readFileSync(f, 'utf8').matchAll(/from ['"]\.\.\/\.\.\/features\/([^/]+)|from ['"]\.\.\/([a-z-]+)\//g)]
        .map((m) => m[1] ?? m[2])
        .filter((other) => other && other !== own && other !== 'features')
        .map((other) => `${f} imports ${other}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps the Markdown compiler out of the app bundle', () => {
    const offenders = sources('src')
      .filter((f) => !f.startsWith('src/content/') || f === 'src/content/runtime.ts')
      // The backup file's schema uses zod at run time: it loads only when a backup is restored.
      .filter((f) => f !== 'src/lib/backup-schema.ts')
      .filter((f) =>
        /from ['"](unified|remark-[a-z]+|rehype-[a-z]+|yaml|zod|.*content\/(compile|markdown|schema|frontmatter))/.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('loads the backup schema (and zod) only on demand, never in a static import', () => {
    const offenders = sources('src').filter((f) =>
      /^import (?!type )[^;]*from ['"][./]*(lib\/)?backup-schema['"]/m.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
