// A real chapter server for the server tests: on a free port, its data in a temporary folder,
// serving a small stand-in build; and real Hocuspocus providers in Node (ws as their WebSocket).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startServer, type ChapterServer } from '../../server/app.ts';
import type { Role } from '../../server/store.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `clm-server-${prefix}-`));
}

/** A stand-in for dist/: a shell, two prerendered pages, the 404 page, a hashed asset, sw.js. */
export function fakeDist(): string {
  const dir = tempDir('dist');
  const page = (title: string) =>
    `<!doctype html><html><head><title>${title}</title></head><body>${'<p>text</p>'.repeat(200)}</body></html>`;
  writeFileSync(join(dir, 'shell.html'), page('shell'));
  writeFileSync(join(dir, 'index.html'), page('home'));
  writeFileSync(join(dir, '404.html'), page('not found'));
  mkdirSync(join(dir, 'practice'));
  writeFileSync(join(dir, 'practice', 'index.html'), page('practice'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"CLM Study"}');
  return dir;
}

export interface TestServer extends ChapterServer {
  dataDir: string;
  distDir: string;
  logs: string[];
  wsUrl: string;
  /** Enrols a new person with an invite and returns the device's token and ids. */
  enrolPerson(email: string, role?: Role, label?: string): Promise<Enrolled>;
  stop(): Promise<void>;
}

export interface Enrolled {
  token: string;
  person: { id: string; name: string; email: string; roles: string[] };
  device: { id: string; label: string };
}

/** The day the test servers count official hours up to: after the whole 2027 season of content/. */
export const TEST_TODAY = '2027-06-01';

export async function startTestServer(options: { dataDir?: string; init?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir('data');
  const distDir = fakeDist();
  const logs: string[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir,
    log: (line) => logs.push(line),
    hoursToday: () => TEST_TODAY,
  });
  if (options.init !== false && !server.store.chapterName())
    server.store.init({ chapter: 'Test Chapter', name: 'Ann Admin', email: 'ann@example.org' });
  const base = `http://127.0.0.1:${server.port}`;
  return Object.assign(server, {
    dataDir,
    distDir,
    logs,
    wsUrl: `ws://127.0.0.1:${server.port}/sync`,
    async enrolPerson(email: string, role: Role = 'member', label = 'Laptop') {
      const { code } = server.store.createInvite({ role, email });
      const response = await post(base, '/api/enrol', { code, label });
      if (response.status !== 200) throw new Error(`enrol failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as Enrolled;
    },
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(distDir, { recursive: true, force: true });
    },
  });
}

export function post(base: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

export interface Client {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
  /** Close events of the socket, in order. */
  closes: { code: number; reason: string }[];
  /** Reasons the server gave for refusing the document. */
  refusals: string[];
  destroy(): void;
}

/** A provider on its own WebSocket, as one browser tab of a device would open it. */
export function connect(wsUrl: string, name: string, token: string, doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Quick retries, so a test never waits long for a reconnection.
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
    factor: 1.5,
    maxAttempts: 0,
  });
  const closes: Client['closes'] = [];
  const refusals: string[] = [];
  socket.on('close', ({ event }: { event: { code: number; reason: string } }) =>
    closes.push({ code: event.code, reason: String(event.reason) }),
  );
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  provider.attach();
  return {
    provider,
    socket,
    doc,
    closes,
    refusals,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once the check holds, polling; fails with the label after the timeout. */
export async function until(check: () => boolean, label: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for: ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once the provider is synced and every change it sent was acknowledged. */
export function settled(client: Client, label = 'the client to settle', timeout = 5000): Promise<void> {
  return until(() => client.provider.isSynced && client.provider.unsyncedChanges === 0, label, timeout);
}
