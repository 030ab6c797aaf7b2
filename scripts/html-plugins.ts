// Vite plugins for index.html: the stylesheet inlined, and the Content-Security-Policy.
// Vite plugin: inlines the app's stylesheet into index.html, so the first paint waits for no
// second request. (The CSP allows inline styles; scripts stay external.)
import type { Plugin } from 'vite';

export function inlineCss(): Plugin {
  return {
    name: 'clm-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === 'index.html');
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(
          `<link rel="stylesheet"[^>]*href="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`,
        );
        if (!link.test(text)) continue;
        text = text.replace(link, `<style>${String(file.source)}</style>`);
      }
      html.source = text;
    },
  };
}

/**
 * The production Content-Security-Policy: scripts, data and connections only from the app's own
 * origin. Added at build time only, since the dev server injects an inline script (React
 * Refresh) that this policy would block.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; worker-src 'self'; manifest-src 'self'";

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'clm-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
