// Vite plugins that prerender the content pages. After the client build, prerender() builds
// src/app/prerender.tsx for Node, renders each path it lists with the app's own routes and
// components, and writes it into dist/ (dist/areas/finance/index.html for /areas/finance)
// from the built index.html, which stays on as shell.html: the app shell for every other page.
// previewPages() makes `vite preview` serve them the way a static host does.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginOption } from 'vite';
import { PRERENDERED_ID, scriptJson } from '../src/app/hydration.ts';
import type { RenderedPage } from '../src/app/prerender.tsx';

/** The app shell: the built index.html before any page is drawn into it. */
export const SHELL = 'shell.html';

interface Entry {
  prerenderPaths(): string[];
  render(path: string): Promise<RenderedPage>;
  NOT_FOUND_PATH: string;
}

/** The file a prerendered path is written to, relative to dist/. */
export function pageFile(path: string, notFoundPath: string): string {
  if (path === notFoundPath) return '404.html';
  return path === '/' ? 'index.html' : `${path.replace(/^\/|\/$/g, '')}/index.html`;
}

/** The shell with one page drawn into it. */
export function pageHtml(shell: string, page: RenderedPage): string {
  const root = '<div id="root"></div>';
  if (!shell.includes(root)) throw new Error(`The built index.html has no ${root}`);
  return (
    shell
      .replace(/<title>[^<]*<\/title>/, `<title>${page.title}</title>`)
      // The page reads without JavaScript; the parts that need it say so themselves.
      .replace(/<noscript id="shell-noscript">[\s\S]*?<\/noscript>/, '')
      .replace(root, `<div id="root">${page.html}</div>`)
      .replace(
        '</body>',
        `<script type="application/json" id="${PRERENDERED_ID}">${scriptJson(page.prerendered)}</script></body>`,
      )
  );
}

// Stands in for vite-plugin-pwa's virtual module at build time: no service worker in Node.
function pwaRegisterStub(): Plugin {
  const id = 'virtual:pwa-register/react';
  return {
    name: 'clm-pwa-register-stub',
    resolveId: (source) => (source === id ? '\0' + id : undefined),
    load: (source) =>
      source === '\0' + id
        ? `import { useState } from 'react';
export function useRegisterSW() {
  return { needRefresh: useState(false), offlineReady: useState(false), updateServiceWorker: async () => {} };
}`
        : undefined,
  };
}

export function prerender(options: { entry: string; plugins: () => PluginOption[] }): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let mode = 'production';
  return {
    name: 'clm-prerender',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      mode = config.mode;
    },
    // Before vite-plugin-pwa writes the service worker, so the pages are in its precache.
    closeBundle: {
      sequential: true,
      order: 'pre',
      async handler() {
        const ssrDir = resolve(root, 'node_modules/.cache/clm-prerender');
        await build({
          configFile: false,
          root,
          mode,
          logLevel: 'warn',
          plugins: [...options.plugins(), pwaRegisterStub()],
          build: { ssr: options.entry, outDir: ssrDir, emptyOutDir: true, target: 'node20', minify: false },
        });
        const file = join(ssrDir, options.entry.replace(/^.*\//, '').replace(/\.tsx?$/, '.js'));
        const entry = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as Entry;
        const shell = readFileSync(join(outDir, 'index.html'), 'utf8');
        writeFileSync(join(outDir, SHELL), shell);
        for (const path of entry.prerenderPaths()) {
          const target = join(outDir, pageFile(path, entry.NOT_FOUND_PATH));
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, pageHtml(shell, await entry.render(path)));
        }
      },
    },
  };
}

/**
 * `vite preview` as a static host: a prerendered page for its path (with or without a
 * trailing slash), the app shell for any other page.
 */
export function previewPages(): Plugin {
  return {
    name: 'clm-preview-pages',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, _res, next) => {
        const [pathname = '/', query] = (req.url ?? '/').split('?');
        // By path alone, as a static host does: the service worker's precache asks with Accept: */*.
        if ((req.method !== 'GET' && req.method !== 'HEAD') || /\.[a-z0-9]+$/i.test(pathname)) return next();
        const page =
          pathname === '/' ? 'index.html' : `${decodeURIComponent(pathname).replace(/^\/|\/$/g, '')}/index.html`;
        const target = existsSync(join(outDir, page)) && !page.includes('..') ? `/${page}` : `/${SHELL}`;
        req.url = query === undefined ? target : `${target}?${query}`;
        next();
      });
    },
  };
}
