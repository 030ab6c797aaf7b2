// The project's hostile corpus brought in through GIFT, in every format and every part of a
// question (stem, option, feedback, general feedback): what compiles is inert. Every compiled
// HTML string is parsed by a real HTML parser (jsdom, inert) and must hold only allowed
// elements and attributes and no URL that runs script or loads from elsewhere.
import { describe, expect, it } from 'vitest';
import { importBank } from '../../src/content/banks/index';
import { giftEscape } from '../../src/content/banks/gift-export';
import { PAYLOADS } from '../fixtures/hostile/payloads';
import { compileWith } from '../fixtures/content';

const TAGS = new Set(
  'a b blockquote br code del div em i img li ol p pre strong table tbody td th thead tr ul'.split(' '),
);
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'rel', 'target', 'class', 'title', 'tabindex', 'role', 'aria-label']);
const BASE = 'https://app.invalid/questions/x';

/** The rules of tests/unit/hostile-content.test.ts: allowed elements and attributes, safe URLs only. */
function problems(html: string): string[] {
  const found: string[] = [];
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const el of doc.body.querySelectorAll('*')) {
    if (!TAGS.has(el.localName)) found.push(`element <${el.localName}>`);
    for (const { name, value } of el.attributes) {
      if (!ATTRIBUTES.has(name) && !(name === 'align' && /^t[dh]$/.test(el.localName))) found.push(`attribute ${name}`);
      if (name !== 'href' && name !== 'src') continue;
      const url = new URL(value, BASE);
      const local = url.origin === new URL(BASE).origin;
      if (!local && !(name === 'href' && ['http:', 'https:', 'mailto:'].includes(url.protocol)))
        found.push(`${name}="${value}"`);
    }
  }
  return found;
}

function gift(format: string, payloads: { md: string }[]): string {
  const marker = format === 'moodle' ? '' : `[${format}]`;
  return payloads
    .map((p, i) => {
      const t = giftEscape(p.md);
      return `::p${i}::${marker}Before ${t} after?{\n=${marker}Right ${t} #${marker}why ${t}\n~${marker}Wrong ${t} #${marker}no ${t}\n####${marker}${t}\n}`;
    })
    .join('\n\n');
}

function compile(text: string) {
  const result = importBank('gift', text, { area: 'money', name: 'hostile', subarea: 'books' });
  expect(result.errors).toEqual([]);
  const { content, issues } = compileWith({ 'questions/money/hostile.md': result.markdown! });
  const questions = (content?.questionsByArea.money ?? []).filter((q) => q.source.includes('hostile'));
  const html = questions.flatMap((q) => [
    q.stemHtml,
    q.explanationHtml ?? '',
    ...q.options.flatMap((o) => [o.html, o.rationaleHtml ?? '']),
  ]);
  return { result, issues, questions, html };
}

describe('GIFT import of the hostile corpus', () => {
  it.each(['html', 'moodle', 'plain'])('compiles every [%s] payload, in every part, to inert HTML', (format) => {
    const { issues, questions, html } = compile(gift(format, PAYLOADS));
    expect(issues).toEqual([]);
    expect(questions).toHaveLength(PAYLOADS.length);
    expect(html.flatMap(problems)).toEqual([]);
  });

  it('compiles [markdown] payloads to inert HTML, or refuses them with a message', () => {
    let compiled = 0;
    for (const p of PAYLOADS) {
      const { issues, html } = compile(gift('markdown', [p]));
      // A payload that breaks the question's shape (a block in an option) is refused, not rendered.
      if (issues.length === 0) compiled++;
      expect(
        issues.every((i) => i.message.length > 20),
        p.name,
      ).toBe(true);
      expect(html.flatMap(problems), p.name).toEqual([]);
    }
    expect(compiled).toBeGreaterThanOrEqual(PAYLOADS.length - 8);
  });
});
