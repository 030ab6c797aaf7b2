// The season's published sessions and timezone, read from the content folder once per process
// (only program.md, areas and sessions: the questions are not needed for hours, and skipping
// them makes this take well under a second). The server's hours come from these.
import { compileContent } from '../src/content/compile.ts';
import { formatIssues, readContentDirs } from '../src/content/load.ts';
import type { SessionMeta } from '../src/content/types.ts';

export interface Program {
  sessions: SessionMeta[];
  timezone: string;
}

const loaded = new Map<string, Promise<Program>>();

export function loadProgram(contentDir: string): Promise<Program> {
  let program = loaded.get(contentDir);
  if (!program) {
    program = Promise.resolve().then(() => {
      const files = readContentDirs([contentDir]).filter((file) => !file.relative.startsWith('questions/'));
      const { content, issues } = compileContent(files);
      if (!content || issues.length > 0)
        throw new Error(`The content in ${contentDir} has problems:\n${formatIssues(issues)}`);
      return { sessions: content.index.sessions, timezone: content.index.program.timezone };
    });
    program.catch(() => loaded.delete(contentDir));
    loaded.set(contentDir, program);
  }
  return program;
}
