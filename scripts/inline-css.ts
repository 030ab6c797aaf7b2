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
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(text)) continue;
        text = text.replace(link, `<style>${String(file.source)}</style>`);
      }
      html.source = text;
    },
  };
}
