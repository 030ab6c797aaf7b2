// Checks of a speaker's draft (a session file and a question file) with the build's own
// compiler, against the built-in areas and program (the "base"), plus what only a pack needs:
// its ids must not collide with built-in content, and its Markdown must hold nothing hostile
// (the build sanitizes such Markdown; a pack made by someone outside the repository is refused
// instead, so a speaker sees at once, at the line, what will not reach candidates).
import type { RootContent } from 'mdast';
import { compileContent } from './compile.ts';
import { readFrontmatter } from './frontmatter.ts';
import { parseMarkdown } from './markdown.ts';
import { parseQuestionSections } from './questions.ts';
import type { CompiledContent, ContentIssue, Question, SessionMaterial, SessionMeta, SourceFile } from './types.ts';

/** What a pack is checked against: the built-in program and areas, and the ids already taken. */
export interface PackBase {
  /** program.md and areas/*.md of the built-in content, as source. */
  files: SourceFile[];
  questionIds: string[];
  sessionIds: string[];
}

/** The base of a compiled content folder (its source files and what it compiled to). */
export function packBaseOf(content: CompiledContent, files: SourceFile[]): PackBase {
  return {
    files: files.filter((f) => f.relative === 'program.md' || /^areas\/[^/]+\.md$/.test(f.relative)),
    questionIds: Object.values(content.questionsByArea).flatMap((qs) => qs.map((q) => q.id)),
    sessionIds: content.index.sessions.map((s) => s.id),
  };
}

/** The names problems are reported under (the editor's two tabs). */
export const SESSION_FILE = 'session.md';
export const QUESTIONS_FILE = 'questions.md';

export interface CheckedDraft {
  issues: ContentIssue[];
  /** Present when there is no problem. */
  compiled?: { session: SessionMeta; material: SessionMaterial; questions: Question[] };
}

const SAFE_SCHEME = /^(https?|mailto):/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Compiles a draft exactly as the build would, then applies the pack's own rules. */
export function checkDraft(sessionText: string, questionsText: string, base: PackBase): CheckedDraft {
  const sessionId = /^id:[ \t]*["']?([^"'\s#]+)/m.exec(sessionText)?.[1] ?? 'session';
  const area = /^area:[ \t]*["']?([^"'\s#]+)/m.exec(questionsText)?.[1] ?? 'area';
  const files: SourceFile[] = [
    ...base.files,
    { path: SESSION_FILE, relative: `sessions/${sessionId}.md`, text: sessionText },
    { path: QUESTIONS_FILE, relative: `questions/${area}/pack.md`, text: questionsText },
  ];
  const { content, issues } = compileContent(files);
  const own = issues.filter((i) => i.path === SESSION_FILE || i.path === QUESTIONS_FILE);
  // Problems in the base would be the build's, not the speaker's: the build already refused them.
  own.push(...hostile(SESSION_FILE, sessionText), ...hostile(QUESTIONS_FILE, questionsText, true));
  const session = content?.index.sessions[0];
  const questions = content ? Object.values(content.questionsByArea).flat() : [];
  if (content) {
    const takenSession = new Set(base.sessionIds);
    if (session && takenSession.has(session.id))
      own.push(
        at(
          SESSION_FILE,
          sessionText,
          /^id:/m,
          `The session id "${session.id}" is used by a built-in session: choose another.`,
        ),
      );
    const taken = new Set(base.questionIds);
    for (const q of questions) {
      if (!taken.has(q.id)) continue;
      const line = Number(/:(\d+)$/.exec(q.source)?.[1] ?? 1);
      own.push({
        path: QUESTIONS_FILE,
        line,
        column: 1,
        message: `The question id "${q.id}" is used by a built-in question: choose another.`,
      });
    }
    if (questions.length === 0)
      own.push({ path: QUESTIONS_FILE, line: 1, column: 1, message: 'The pack has no questions: add at least one.' });
  }
  own.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  const material = session && content?.materials[session.id];
  if (own.length > 0 || !session || !material) return { issues: own };
  return { issues: own, compiled: { session, material, questions } };
}

function at(path: string, text: string, pattern: RegExp, message: string): ContentIssue {
  const index = text.search(pattern);
  const line = index < 0 ? 1 : text.slice(0, index).split('\n').length;
  return { path, line, column: 1, message };
}

/** Raw HTML and links that are not web, mail or app addresses, each at its line and column. */
export function hostile(path: string, text: string, questions = false): ContentIssue[] {
  const fm = readFrontmatter(path, text, []);
  if (!fm) return [];
  const found: ContentIssue[] = [];
  const say = (node: RootContent, message: string) => {
    const p = node.position?.start;
    found.push({ path, line: (p?.line ?? 1) + fm.bodyLine - 1, column: p?.column ?? 1, message });
  };
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'html')
        say(
          node,
          'HTML is not allowed in a pack: write Markdown (the app would remove it, so candidates would not see it).',
        );
      if ('url' in node && typeof node.url === 'string') {
        // Read as a browser would: controls and whitespace removed, the scheme in any case.
        const url = [...node.url].filter((c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) !== 127).join('');
        if (SCHEME.test(url) && !SAFE_SCHEME.test(url))
          say(node, `Links must be web, mail or app addresses, not "${node.url.slice(0, 40)}".`);
      }
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  // A question file is read as the compiler reads it (its parsed sections are shared).
  walk((questions ? parseQuestionSections(fm.body) : parseMarkdown(fm.body)).children);
  return found;
}
