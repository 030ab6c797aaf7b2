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

const LAZY_SCHEMAS = [
  'src/lib/backup-schema.ts',
  'src/lib/import-schema.ts',
  'src/lib/chapter-file-schema.ts',
  'src/lib/roster-csv.ts',
];

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
      // The schemas of files a person imports use zod at run time: each loads only when a file
      // is chosen (a backup restored, a chapter or hours file, a roster CSV).
      .filter((f) => !LAZY_SCHEMAS.includes(f) && f !== 'src/lib/import-issues.ts')
      // The Author page checks drafts with the compiler by design: it is its own lazy route
      // (and its worker), never part of another screen; the next test keeps it so.
      .filter((f) => !f.startsWith('src/features/author/'))
      .filter((f) =>
        /from ['"](unified|remark-[a-z]+|rehype-[a-z]+|yaml|zod|.*content\/(compile|markdown|schema|frontmatter))/.test(
          readFileSync(f, 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('loads the Author page (editor, compiler, worker) only as its own route', () => {
    const importers = sources('src').filter(
      (f) => !f.startsWith('src/features/author/') && /features\/author\//.test(readFileSync(f, 'utf8')),
    );
    expect(importers).toEqual(['src/app/router.tsx']);
    expect(readFileSync('src/app/router.tsx', 'utf8')).toMatch(
      /lazy: \(\) => import\('\.\.\/features\/author\/author-page'\)/,
    );
  });

  it('loads the import schemas (and zod) only on demand, never in a static import', () => {
    const offenders = sources('src').filter(
      (f) =>
        !LAZY_SCHEMAS.includes(f) &&
        /^import (?!type )[^;]*from ['"][./]*(lib\/)?(backup-schema|import-schema|chapter-file-schema|roster-csv)['"]/m.test(
          readFileSync(f, 'utf8'),
        ),
    );
    expect(offenders).toEqual([]);
  });
});
