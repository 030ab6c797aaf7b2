import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { clmContent } from './src/content/vite-plugin.ts';
import {
  contentSecurityPolicy,
  DEV_CONTENT_SECURITY_POLICY_HEADER,
  inlineCss,
  themeBoot,
  deferredEntry,
  securityHeaders,
} from './scripts/html-plugins.ts';
import { prerender, previewPages, SHELL } from './scripts/prerender-plugin.ts';

// CLM_CONTENT_DIR builds the app from another content folder (the browser test of hostile
// content builds tests/fixtures/hostile/site); the default is the real content/.
const contentDir = process.env.CLM_CONTENT_DIR || 'content';

export default defineConfig({
  resolve: {
    alias: {
      // The Markdown parser's entity decoder: its browser build uses the DOM, which the Author
      // page's checking worker does not have. The compiler runs only in lazy chunks (the
      // worker, pack installs), so the table this build carries is never on a first screen.
      'decode-named-character-reference': fileURLToPath(
        new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url),
      ),
    },
  },
  plugins: [
    clmContent({ dir: contentDir }),
    react(),
    inlineCss(),
    contentSecurityPolicy(),
    themeBoot(),
    deferredEntry(),
    // Content pages drawn at build time (before the service worker is written, to be precached).
    prerender({ entry: 'src/app/prerender.tsx', plugins: () => [clmContent({ dir: contentDir }), react()] }),
    previewPages(),
    VitePWA({
      // A new version waits for the candidate to accept it (see src/app/reload-prompt.tsx).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'CLM Study',
        short_name: 'CLM Study',
        description: 'Study for the Certified Legal Manager exam and run your chapter study group, online or off.',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell, every route chunk and all content chunks: everything works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Each prerendered page is precached under its own URL (areas/finance/index.html as
        // /areas/finance); any other page gets the app shell.
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.map((e) =>
              e.url.endsWith('/index.html') ? { ...e, url: e.url.slice(0, -'/index.html'.length) } : e,
            ),
          }),
        ],
        navigateFallback: `/${SHELL}`,
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  // The project's own server (npm start) sends the CSP with frame-ancestors and the other
  // security headers on every response; the dev server sends them with a looser CSP.
  preview: { port: 4173, strictPort: true, headers: securityHeaders() },
  server: { headers: securityHeaders(DEV_CONTENT_SECURITY_POLICY_HEADER) },
});
