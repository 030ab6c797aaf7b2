// Helpers shared by the parts of the compiler: problem reporting and rendering a file's body.
import type { RootContent } from 'mdast';
import { parseMarkdown, renderNodes } from './markdown.ts';
import { plainText } from './plain.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { SourceFile } from './types.ts';
import { isAppUrl } from './urls.ts';

export type Report = (file: SourceFile, line: number, column: number, message: string) => void;

export function list(ids: Iterable<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ');
}

/**
 * Renders a file's body to HTML and plain text; checks images, which must not load anything
 * from another origin.
 */
export function renderBody(fm: Frontmatter, file: SourceFile, report: Report): { html: string; text: string } {
  const tree = parseMarkdown(fm.body);
  checkImages(tree.children, fm.bodyLine, file, report);
  return { html: renderNodes(tree.children), text: plainText(tree.children) };
}

/**
 * Reports every image whose address is not a file of the app: inline images (`![x](url)`) and
 * reference-style ones (`![x][r]` or `![r]` with `[r]: url` anywhere in the nodes).
 */
export function checkImages(nodes: RootContent[], bodyLine: number, file: SourceFile, report: Report): void {
  const definitions = new Map<string, string>();
  const collect = (items: RootContent[]) => {
    for (const node of items) {
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
      if ('children' in node) collect(node.children as RootContent[]);
    }
  };
  collect(nodes);
  const say = (node: RootContent, url: string, how: string) => {
    const p = node.position?.start;
    report(
      file,
      (p?.line ?? 1) + bodyLine - 1,
      p?.column ?? 1,
      `Images must be files of the app, not web addresses ("${url}"${how}): the app works offline and loads nothing from other sites.`,
    );
  };
  const walk = (items: RootContent[]) => {
    for (const node of items) {
      if (node.type === 'image' && !isAppUrl(node.url)) say(node, node.url, '');
      if (node.type === 'imageReference') {
        const url = definitions.get(node.identifier);
        if (url !== undefined && !isAppUrl(url))
          say(node, url, `, from the reference [${node.label ?? node.identifier}]`);
      }
      if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(nodes);
}
