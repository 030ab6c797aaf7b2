// The built page asks for the app's script only after its first paint (scripts/html-plugins.ts):
// the module script and its preloads become one inline loader, allowed by the CSP's hash.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { CONTENT_SECURITY_POLICY, DEFERRED_ENTRY, ENTRY_FALLBACK_MS, deferEntry } from '../../scripts/html-plugins';

const built = `<html><head><script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/react-B2.js">
<link rel="modulepreload" crossorigin href="/assets/runtime-C3.js">
</head><body><div id="root"></div></body></html>`;

describe('deferEntry', () => {
  it('replaces the module script and its preloads by the loader at the end of the body', () => {
    const html = deferEntry(built);
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('<link rel="modulepreload"');
    expect(html).toContain(
      `<script data-entry="/assets/index-A1.js" data-preload="/assets/react-B2.js /assets/runtime-C3.js">${DEFERRED_ENTRY}</script></body>`,
    );
  });

  it('refuses a page without the module script, instead of shipping one that never starts', () => {
    expect(() => deferEntry('<html><body></body></html>')).toThrow('no module script');
  });

  it('is allowed by the Content-Security-Policy, by the hash of its text', () => {
    const hash = createHash('sha256').update(DEFERRED_ENTRY).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${hash}'`);
  });
});

describe('the loader in a page', () => {
  /** Runs the built page in jsdom (which reports no paint) and lists the scripts it asks for. */
  function load(root: string) {
    const html = deferEntry(built).replace('<div id="root"></div>', `<div id="root">${root}</div>`);
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    const asked = () =>
      [...dom.window.document.head.querySelectorAll('script[type="module"], link[rel="modulepreload"]')].map(
        (e) => e.getAttribute('src') ?? e.getAttribute('href'),
      );
    return { dom, asked };
  }

  it('on the bare shell, which has no page to paint, asks for the script and its modules at once', () => {
    const { asked, dom } = load('');
    expect(asked()).toEqual(['/assets/react-B2.js', '/assets/runtime-C3.js', '/assets/index-A1.js']);
    dom.window.close();
  });

  it('on a drawn page, waits for its first paint, or for the fallback when nothing paints', async () => {
    const { asked, dom } = load('<h1>Session</h1>');
    expect(asked()).toEqual([]);
    await new Promise((r) => setTimeout(r, ENTRY_FALLBACK_MS + 200));
    expect(asked()).toEqual(['/assets/react-B2.js', '/assets/runtime-C3.js', '/assets/index-A1.js']);
    dom.window.close();
  });
});
