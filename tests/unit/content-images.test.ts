import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileWith, VALID } from '../fixtures/content';
import { renderNodes } from '../../src/content/markdown';
import { isAppSrcset, isAppUrl } from '../../src/content/urls';

const session = (body: string) =>
  [
    '---',
    'id: books-night',
    'title: Books',
    'area: money',
    'date: 2027-01-12',
    'start: "18:00"',
    'hours: 1',
    'location: Room 1',
    'speaker:',
    '  name: Pat',
    '  role: CPA',
    '---',
    '',
    body,
    '',
  ].join('\n');
const FIRST_BODY_LINE = 14;

describe('images must be files of the app', () => {
  it.each([
    ['a reference-style image', '![chart][r]\n\n[r]: https://evil.example/c.png', 1],
    ['a collapsed reference image', '![r][]\n\n[r]: https://evil.example/c.png', 1],
    ['a shortcut reference image, defined in another case', '![R]\n\n[R]: //evil.example/c.png', 1],
    ['a reference image inside a quote and a list', '> - ![x][r]\n\n[r]: <https://evil.example/c.png>', 5],
    ['a protocol-relative address', '![x](//evil.example/c.png)', 1],
    ['a backslash the browser reads as a slash', '![x](/\\evil.example/c.png)', 1],
    ['a scheme written with entities', '![x](&#x68;ttps://evil.example/c.png)', 1],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', 1],
    ['a javascript: image', '![x](JaVaScRiPt:alert(1))', 1],
  ])('refuses %s, with its line and column', (_, body, column) => {
    const { content, issues } = compileWith({ 'sessions/books-night.md': session(body) });
    expect(content).toBeUndefined();
    expect(issues).toEqual([
      {
        path: 'mem/sessions/books-night.md',
        line: FIRST_BODY_LINE,
        column,
        message: expect.stringContaining('Images must be files of the app, not web addresses'),
      },
    ]);
  });

  it('names the reference a refused image came from', () => {
    const { issues } = compileWith({
      'sessions/books-night.md': session('![x][chart]\n\n[chart]: https://e.example/c.png'),
    });
    expect(issues[0]?.message).toContain('("https://e.example/c.png", from the reference [chart])');
  });

  it('accepts files of the app and links (not images) to other sites through references', () => {
    const { issues, content } = compileWith({
      'sessions/books-night.md': session('![logo](/icon-192.png)\n\n[see ALA][r]\n\n[r]: https://www.alanet.org/'),
    });
    expect(issues).toEqual([]);
    expect(content!.materials['books-night']!.materialHtml).toContain('<img src="/icon-192.png" alt="logo">');
  });

  it('checks area overviews, the welcome text and the rules text too', () => {
    const read = (rel: string) => readFileSync(`${VALID}/${rel}`, 'utf8');
    const image = '\n![x][r]\n\n[r]: https://evil.example/c.png\n';
    const { issues } = compileWith({
      'areas/money.md': read('areas/money.md') + image,
      'program.md': read('program.md') + image,
      'rules.md': read('rules.md') + image,
    });
    expect(issues.map((i) => i.path)).toEqual(['mem/areas/money.md', 'mem/program.md', 'mem/rules.md']);
  });

  it('checks stems, options, rationales, explanations and Reference lines of questions', () => {
    const bank = [
      '---',
      'area: money',
      'subarea: books',
      '---',
      '',
      '## q-images',
      '',
      'Stem ![a][r]',
      '',
      '[r]: https://evil.example/r.png',
      '',
      '- [x] Option ![b](https://evil.example/b.png)',
      '  > Rationale ![c][r]',
      '- [ ] Other',
      '  > Why ![d](//evil.example/d.png)',
      '',
      '> Explanation ![e][r]',
      '',
      'Reference: ![f](https://evil.example/f.png)',
      '',
    ].join('\n');
    const { issues } = compileWith({ 'questions/money/images.md': bank });
    expect(issues.map((i) => `${i.line}:${i.column}`)).toEqual(['8:6', '12:14', '13:15', '15:9', '17:15', '19:12']);
  });
});

describe('the rendered HTML never loads an image from elsewhere', () => {
  it('drops an outside address that reaches the renderer without the compiler', () => {
    const html = renderNodes([
      { type: 'paragraph', children: [{ type: 'image', url: '//evil.example/x.png', alt: 'x' }] },
      { type: 'paragraph', children: [{ type: 'image', url: '/icon-192.png', alt: 'ok' }] },
    ]);
    expect(html).toBe('<p><img alt="x"></p>\n<p><img src="/icon-192.png" alt="ok"></p>');
  });

  it('reads addresses as a browser does', () => {
    expect(isAppUrl('/icon-192.png')).toBe(true);
    expect(isAppUrl('images/chart.png')).toBe(true);
    expect(isAppUrl('../chart.png')).toBe(true);
    expect(isAppUrl('/\t/evil.example/x.png')).toBe(false);
    expect(isAppUrl('\\\\evil.example/x.png')).toBe(false);
    expect(isAppUrl('https:evil.example/x.png')).toBe(false);
    expect(isAppUrl(' data:image/png;base64,AA')).toBe(false);
    expect(isAppSrcset('/a.png 1x, /b.png 2x')).toBe(true);
    expect(isAppSrcset('/a.png 1x, https://evil.example/b.png 2x')).toBe(false);
  });
});
