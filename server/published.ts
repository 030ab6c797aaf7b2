// The published sessions the projection counts hours over, compiled at start from content/
// with the project's own content compiler (src/content/compile.ts), the same one the build
// uses, so the server's schedule is the app's. Question files are left out: the hours need
// only the program (its timezone) and the sessions (dates, hours), and skipping the bank keeps
// the start quick. A content folder with problems stops the server with the compiler's list.
import { existsSync } from 'node:fs';
import { compileContent } from '../src/content/compile.ts';
import { formatIssues, readContentDirs } from '../src/content/load.ts';
import type { SessionMeta } from '../src/content/types.ts';

export interface Published {
  sessions: SessionMeta[];
  /** The program's timezone (content/program.md): "today" for the hours is the date there. */
  timeZone: string;
}

const cache = new Map<string, Published>();

export function loadPublished(contentDir: string): Published {
  const cached = cache.get(contentDir);
  if (cached) return cached;
  if (!existsSync(contentDir))
    throw new Error(
      `No content folder at ${contentDir}: the server counts hours over its sessions (set CLM_CONTENT_DIR).`,
    );
  const files = readContentDirs([contentDir]).filter((f) => !f.relative.startsWith('questions/'));
  const { content, issues } = compileContent(files, contentDir);
  if (!content)
    throw new Error(`The content in ${contentDir} has problems (run npm run content:check):\n${formatIssues(issues)}`);
  const published = { sessions: content.index.sessions, timeZone: content.index.program.timezone };
  cache.set(contentDir, published);
  return published;
}
