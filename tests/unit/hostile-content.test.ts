// The hostile corpus (tests/fixtures/hostile) compiles, and what it compiles to is inert: every
// HTML string of the compiled content, parsed by a real HTML parser (jsdom's DOMParser, inert:
// nothing runs), holds only allowed elements and attributes, and no URL that runs script.
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../src/content/compile';
import type { CompiledContent } from '../../src/content/types';
import { DEFINITIONS, PAYLOADS, TAIL } from '../fixtures/hostile/payloads';
import { hostileSite, SEARCH_WORD } from '../fixtures/hostile/site';

const TAGS = new Set(
  'a b blockquote br code del div em h1 h2 h3 h4 h5 h6 hr i img li ol p pre strong sub sup table tbody td th thead tr ul'.split(
    ' ',
  ),
);
const ATTRIBUTES: Record<string, string[]> = {
  '*': ['title'],
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt'],
  code: ['class'],
  div: ['class', 'tabindex', 'role', 'aria-label'],
  ol: ['start'],
  td: ['align'],
  th: ['align'],
};
const URL_ATTRIBUTES = new Set(['href', 'src']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const BASE = 'https://app.invalid/sessions/x';

/** Every way `html` could run script or load from elsewhere, as readable problems. */
function problems(html: string): string[] {
  const found: string[] = [];
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll('*')) {
    const tag = el.localName;
    if (!TAGS.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`element <${tag}>`);
    for (const { name, value } of el.attributes) {
      const allowed = [...(ATTRIBUTES['*'] ?? []), ...(ATTRIBUTES[tag] ?? [])];
      if (!allowed.includes(name) || name.startsWith('on')) found.push(`attribute ${name} on <${tag}>`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      // Read as the browser reads it: entities are decoded by the parser, the URL parser drops
      // tabs, newlines and leading controls and lower-cases the scheme.
      const url = new URL(value, BASE);
      const local = url.origin === new URL(BASE).origin;
      if (!local && !(tag === 'a' && SAFE_PROTOCOLS.has(url.protocol))) found.push(`${name}="${value}" on <${tag}>`);
    }
  }
  return found;
}

/** Every compiled HTML string, named by where it is in the compiled content. */
function htmlStrings(content: CompiledContent): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string' && /(Html|\.html)$/.test(path)) out.push([path, value]);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
  };
  walk(content, 'content');
  return out;
}

describe('the hostile corpus', () => {
  const files = Object.entries(hostileSite()).map(([relative, text]) => ({
    path: `hostile/${relative}`,
    relative,
    text,
  }));
  const { content, issues } = compileContent(files);

  it('has at least 40 payloads, all different, in every part of the content', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(PAYLOADS.map((p) => p.md)).size).toBe(PAYLOADS.length);
    const text = Object.values(hostileSite()).join('\n');
    for (const p of PAYLOADS) expect(text, p.name).toContain(p.md.split('\n')[0]);
    for (const t of TAIL) expect(text).toContain(t);
    expect(text).toContain(DEFINITIONS);
  });

  it('compiles without problems (raw HTML is dropped, not refused)', () => {
    expect(issues).toEqual([]);
    expect(content).toBeDefined();
  });

  it('compiles to HTML with no element, attribute or URL that could run script or load from elsewhere', () => {
    const html = htmlStrings(content!);
    // Welcome, rules, 2 overviews, 2 materials; 14 questions of stem, 3 options, 3 rationales,
    // explanation and reference.
    expect(html.length).toBe(6 + 14 * 9);
    const found = html.flatMap(([path, h]) => problems(h).map((p) => `${path}: ${p}`));
    expect(found).toEqual([]);
  });

  it('keeps the text around the payloads, and code as visible text', () => {
    const material = content!.materials['hostile-night']!.materialHtml;
    expect(material).toContain(`Everything hostile, ${SEARCH_WORD} included.`);
    expect(material).toContain('<code>&#x3C;script>alert(1)&#x3C;/script></code>');
    const q = content!.questionsByArea.hostile![0]!;
    expect(q.stemHtml).toContain(SEARCH_WORD);
    expect(q.options.map((o) => o.text)).toEqual([
      expect.stringMatching(/^Option 1/),
      expect.stringMatching(/^Option 2/),
      expect.stringMatching(/^Option 3/),
    ]);
    expect(q.referenceHtml).toMatch(/^Source /);
  });
});

describe('the checker of compiled HTML', () => {
  it.each([
    ['<script>alert(1)</script>', 'element <script>'],
    ['<img src=x onerror=alert(1)>', 'attribute onerror on <img>'],
    ['<a href="&#x6A;avascript:alert(1)">x</a>', 'href="javascript:alert(1)" on <a>'],
    ['<a href="java\tscript:alert(1)">x</a>', 'href="java\tscript:alert(1)" on <a>'],
    ['<a href="data:text/html,x">x</a>', 'href="data:text/html,x" on <a>'],
    ['<a href=" VBScript:x">x</a>', 'href=" VBScript:x" on <a>'],
    ['<img src="//evil.example/x.png">', 'src="//evil.example/x.png" on <img>'],
    ['<svg><a href="#">x</a></svg>', 'element <svg>'],
    ['<p style="color:red">x</p>', 'attribute style on <p>'],
    ['<meta http-equiv="refresh" content="0">', 'element <meta>'],
  ])('finds %s', (html, problem) => {
    expect(problems(html)).toContain(problem);
  });

  it('passes ordinary compiled Markdown', () => {
    expect(
      problems('<p><a href="https://www.alanet.org/" rel="noopener noreferrer" target="_blank">ALA</a></p>'),
    ).toEqual([]);
  });
});
