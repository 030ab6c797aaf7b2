// One process, one origin: the production build, the JSON API under /api/ and the sync
// WebSocket on /sync, from one HTTP server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { securityHeaders } from '../scripts/html-plugins.ts';
import { createApi } from './api.ts';
import { PackShelf } from './packs.ts';
import { loadPackBase } from '../src/content/load.ts';
import type { PackBase } from '../src/content/pack-check.ts';
import { linkBase, type ServerConfig } from './config.ts';
import { ChapterProjection } from './projector.ts';
import { loadPublished } from './published.ts';
import { openScaleOut, type ScaleOut } from './scale-out.ts';
import { createStaticHandler, SHELL_FILE } from './static.ts';
import { Store } from './store.ts';
import { createSync, SYNC_PATH, type Sync } from './sync.ts';
import { Tokens } from './tokens.ts';

export interface ChapterServer {
  server: Server;
  store: Store;
  /** PostgreSQL and Redis, when DATABASE_URL / REDIS_URL are set. */
  scaleOut: ScaleOut;
  /** The official hours projection (tests and the bench wait on it with idle()). */
  projection: ChapterProjection;
  /** The sync server's Hocuspocus instance (its loaded documents, for tests). */
  hocuspocus: Sync['hocuspocus'];
  /** Where it listens: http://localhost:<port>. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<ChapterServer> {
  if (!existsSync(join(config.distDir, SHELL_FILE)))
    throw new Error(`No production build in ${config.distDir}: run "npm run build" first (npm start does).`);
  const scaleOut = await openScaleOut(config);
  const store = new Store(config.dataDir);
  try {
    await scaleOut.refuseUnmigrated(store);
  } catch (error) {
    store.close();
    await scaleOut.close();
    throw error;
  }
  const tokens = new Tokens(store);
  const chapterId = store.chapterId();
  const contentDir = config.contentDir ?? resolvePath('content');
  const published = loadPublished(contentDir);
  const projection = new ChapterProjection({
    chapterId,
    published: published.sessions,
    timeZone: published.timeZone,
    people: () => store.people(),
    loadState: (name) => (scaleOut.documents ?? store).fetchDocument(name),
    log: config.log,
    today: config.hoursToday,
  });
  const sync = createSync({
    store,
    tokens,
    log: config.log,
    chapterId,
    documents: scaleOut.documents,
    extensions: [projection, ...scaleOut.extensions],
    keepAliveMs: config.keepAliveMs,
  });
  let packBase: PackBase | undefined;
  // The whole bank is compiled once, at the first publish (what a pack's ids must not reuse).
  const packs = new PackShelf(store.db, () => (packBase ??= loadPackBase(contentDir)));
  let port = config.port;
  const api = createApi({
    store,
    packs,
    tokens,
    // Without PUBLIC_URL, a link starts with the address the device used (so it opens on the
    // same origin); behind a proxy PUBLIC_URL says the public one.
    linkBase: (req) => {
      const host = req.headers.host ?? '';
      if (config.publicUrl || !/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/i.test(host))
        return linkBase({ publicUrl: config.publicUrl, port });
      return `http://${host}`;
    },
    onRevoke: (id) => sync.disconnectDevice(id),
    onRolesChanged: (id) => sync.reconnectPerson(id),
    log: config.log,
  });
  const headers = securityHeaders();
  const serveStatic = createStaticHandler(config.distDir, headers);

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const done = (error: unknown) => {
      config.log(`request failed: ${req.method} ${path}: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Server error');
      } else res.destroy();
    };
    if (path === '/api' || path.startsWith('/api/')) {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      api(req, res, path).catch(done);
    } else serveStatic(req, res).catch(done);
  });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0];
    socket.on('error', () => socket.destroy());
    if (path !== SYNC_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sync.handleUpgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  await projection.start(sync.hocuspocus);

  let closing: Promise<void> | undefined;
  return {
    server,
    store,
    scaleOut,
    projection,
    hocuspocus: sync.hocuspocus,
    port,
    url: `http://localhost:${port}`,
    close() {
      closing ??= (async () => {
        await projection.stop();
        await sync.shutdown();
        await scaleOut.flush(sync.hocuspocus.documents);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await scaleOut.close();
        store.close();
      })();
      return closing;
    },
  };
}
