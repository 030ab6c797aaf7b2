// Helpers shared by the parts of the compiler: problem reporting and rendering a file's body.
import type { RootContent } from 'mdast';
import { parseMarkdown, renderNodes } from './markdown.ts';
import { plainText } from './plain.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { SourceFile } from './types.ts';

export type Report = (file: SourceFile, line: number, column: number, message: string) => void;

export function list(ids: Iterable<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ');
}

/**
 * Renders a file's body to HTML and plain text; checks images, which must not load anything
 * from another origin.
 */
export function renderBody(fm: Frontmatter, file?: SourceFile, report?: Report): { html: string; text: string } {
  const tree = parseMarkdown(fm.body);
  if (file && report) checkImages(tree.children, fm.bodyLine, file, report);
  return { html: renderNodes(tree.children), text: plainText(tree.children) };
}

export function checkImages(nodes: RootContent[], bodyLine: number, file: SourceFile, report: Report): void {
  for (const node of nodes) {
    if (node.type === 'image' && /^([a-z]+:|\/\/)/i.test(node.url)) {
      const p = node.position?.start;
      report(
        file,
        (p?.line ?? 1) + bodyLine - 1,
        p?.column ?? 1,
        `Images must be files of the app, not web addresses ("${node.url}"): the app works offline and loads nothing from other sites.`,
      );
    }
    if ('children' in node) checkImages(node.children as RootContent[], bodyLine, file, report);
  }
}
