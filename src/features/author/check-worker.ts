// The Author page's checking, off the main thread: every draft is compiled with the build's
// own compiler (src/content/pack-check.ts) as the speaker types, so typing never waits for it.
// The built-in areas and program (the pack base) arrive once from the page.
import { checkDraft, type PackBase } from '../../content/pack-check';
import { readFrontmatter } from '../../content/frontmatter';
import { renderMarkdown } from '../../content/markdown';
import type { Checked, ToWorker } from './check-protocol';

let base: PackBase | undefined;

function material(text: string): string {
  const fm = readFrontmatter('session.md', text, []);
  return fm ? renderMarkdown(fm.body) : '';
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'base') {
    base = message.base;
    return;
  }
  if (!base) return;
  const { issues, compiled } = checkDraft(message.session, message.questions, base);
  const reply: Checked = {
    type: 'checked',
    id: message.id,
    issues,
    materialHtml: compiled?.material.materialHtml ?? material(message.session),
    ...(compiled ? { compiled: { session: compiled.session, questions: compiled.questions } } : {}),
  };
  self.postMessage(reply, { transfer: [] });
};
