// Plain text of Markdown nodes, made at build time for search, lists and summaries. Text comes
// from the parsed tree, so there are no HTML entities to decode; blocks, list items and table
// cells are separated by a space so that "| 1 | 2 |" does not read "12". Raw HTML is dropped,
// as it is when rendering.
import type { Nodes } from 'mdast';

const INLINE = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'inlineCode']);

export function plainText(nodes: readonly Nodes[]): string {
  const parts: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        parts.push(node.value);
        return;
      case 'html':
        return;
      case 'break':
        parts.push(' ');
        return;
      case 'image':
      case 'imageReference':
        parts.push(node.alt ?? '');
        return;
    }
    if (!('children' in node)) return;
    const block = !INLINE.has(node.type);
    if (block) parts.push(' ');
    for (const child of node.children) walk(child as Nodes);
    if (block) parts.push(' ');
  };
  for (const node of nodes) walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
