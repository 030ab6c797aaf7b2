// Markdown to sanitized HTML, shared by every part of the compiler. Parsing uses remark with
// GFM; rendering goes mdast -> hast -> sanitize -> html so a subtree (a question's option, its
// explanation) can be rendered without parsing it again. Raw HTML is dropped by toHast (no
// allowDangerousHtml), and the sanitizer removes scripts, event handlers and javascript: URLs.
// Images from other origins are refused by the compiler (body.ts); should one get through, the
// last pass below drops its address, so the HTML never loads anything from another site.
import type { Root as MdastRoot, RootContent } from 'mdast';
import type { Element, Root as HastRoot, Nodes as HastNodes } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toHast } from 'mdast-util-to-hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { isAppSrcset, isAppUrl } from './urls.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): MdastRoot {
  return parser.parse(text);
}

// Question banks are the bulk of the content (thousands of questions), and micromark's full GFM
// (bare-URL autolinks, footnotes) costs a quarter of the parse time. Questions get the GFM
// parts they use: task lists (the options), tables and strikethrough. Links work as
// [text](https://...) or <https://...>.
const questionExtensions = [gfmTaskListItem(), gfmTable(), gfmStrikethrough()];
const questionMdastExtensions = [gfmTaskListItemFromMarkdown(), gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()];

export function parseQuestionMarkdown(text: string): MdastRoot {
  return fromMarkdown(text, { extensions: questionExtensions, mdastExtensions: questionMdastExtensions });
}

const schema: Schema = {
  ...defaultSchema,
  // Task-list checkboxes only make sense in question options, which are extracted before
  // rendering; everywhere else they would be inert noise.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
};

function decorateLinks(node: HastNodes): void {
  if (node.type === 'element') {
    const el = node as Element;
    if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^[a-z]+:/i.test(el.properties.href)) {
      el.properties.rel = ['noopener', 'noreferrer'];
      el.properties.target = '_blank';
    }
    if (el.tagName === 'img' || el.tagName === 'source') {
      const { src, srcSet } = el.properties;
      if (src !== undefined && !isAppUrl(String(src))) delete el.properties.src;
      if (srcSet !== undefined && !isAppSrcset(Array.isArray(srcSet) ? srcSet.join(',') : String(srcSet)))
        delete el.properties.srcSet;
    }
    if (el.tagName === 'table') {
      // Wide tables scroll inside their own box on a phone instead of widening the page.
      const copy: Element = { ...el };
      el.tagName = 'div';
      el.properties = { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: 'Table' };
      el.children = [copy];
      return;
    }
  }
  if ('children' in node) for (const child of node.children) decorateLinks(child as HastNodes);
}

/** Renders mdast nodes to sanitized HTML. `inline` unwraps a single paragraph. */
export function renderNodes(nodes: RootContent[], inline = false): string {
  let children = nodes;
  if (inline && nodes.length === 1 && nodes[0]?.type === 'paragraph') children = nodes[0].children;
  const root: MdastRoot = { type: 'root', children };
  const hast = sanitize(toHast(root) as HastRoot, schema) as HastRoot;
  decorateLinks(hast);
  return toHtml(hast);
}

export function renderMarkdown(text: string): string {
  return renderNodes(parseMarkdown(text).children);
}
