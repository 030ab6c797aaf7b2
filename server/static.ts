// Serves the production build (dist/) the way `vite preview` does with this project's
// previewPages(): a prerendered page for its path (with or without a trailing slash), the app
// shell for any other page, a file by its path, and dist/404.html with 404 for a file that is
// not there. Every response carries the security headers; HTML and sw.js are revalidated on
// every load (no-cache with an ETag), /assets/* are hashed and kept for a year. Text is sent
// compressed (brotli or gzip, computed once per file version).
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** The app shell the build keeps next to the prerendered pages (scripts/prerender-plugin.ts SHELL). */
export const SHELL_FILE = 'shell.html';
export const NOT_FOUND_FILE = '404.html';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.ics': 'text/calendar; charset=utf-8',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const compressible = (type: string) => /^text\/|json|javascript|xml|svg/.test(type);

/** Which file answers a path: a prerendered page, the shell, a file, or nothing (404). */
export async function resolveFile(distDir: string, pathname: string): Promise<string | undefined> {
  const inside = (file: string) => file === distDir || file.startsWith(distDir + sep);
  const isFile = async (file: string) => inside(file) && (await stat(file).catch(() => undefined))?.isFile() === true;
  if (!/\.[a-z0-9]+$/i.test(pathname)) {
    // A page, by path alone, as a static host does (the service worker's precache asks with Accept: */*).
    const page = pathname === '/' ? 'index.html' : `${pathname.replace(/^\/+|\/+$/g, '')}/index.html`;
    const file = normalize(join(distDir, page));
    return !page.includes('..') && (await isFile(file)) ? file : join(distDir, SHELL_FILE);
  }
  const file = normalize(join(distDir, pathname));
  return (await isFile(file)) ? file : undefined;
}

interface Encoded {
  body: Buffer;
  encoding?: 'br' | 'gzip';
}

export function createStaticHandler(distDir: string, headers: Record<string, string>) {
  // Compressed bodies by file version (path, size, mtime): assets never change, pages rarely.
  const cache = new Map<string, Buffer>();

  async function encoded(file: string, body: Buffer, version: string, accept: string, type: string): Promise<Encoded> {
    if (!compressible(type) || body.length < 1024) return { body };
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : undefined;
    if (!encoding) return { body };
    const key = `${encoding}:${file}:${version}`;
    let out = cache.get(key);
    if (!out) {
      out =
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } })
          : gzipSync(body, { level: 6 });
      cache.set(key, out);
    }
    return { body: out, encoding };
  }

  return async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
      return;
    }
    if (pathname.includes('\0')) pathname = '/\0';
    const found = await resolveFile(distDir, pathname);
    const file = found ?? join(distDir, NOT_FOUND_FILE);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end('Not found');
      return;
    }
    const type = contentType(file);
    const version = `${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}`;
    const etag = `W/"${version}"`;
    res.setHeader('Content-Type', type);
    res.setHeader(
      'Cache-Control',
      found?.startsWith(join(distDir, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('Vary', 'Accept-Encoding');
    if (found) {
      res.setHeader('ETag', etag);
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304);
        res.end();
        return;
      }
    }
    const raw = await readFile(file);
    const { body, encoding } = await encoded(file, raw, version, String(req.headers['accept-encoding'] ?? ''), type);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', body.length);
    res.writeHead(found ? 200 : 404);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
