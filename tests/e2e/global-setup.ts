// Builds the production app once and serves it with the project's own server (server/, what
// `npm start` runs) on a free local port, with its data in a fresh temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { startServer, type ChapterServer } from '../../server/app.ts';

let server: ChapterServer | undefined;

export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  if (!process.env.E2E_SKIP_BUILD) await build({ logLevel: 'warn', mode: 'production' });
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-e2e-data-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: resolve('dist'),
    log: () => {},
  });
  project.provide('baseURL', server.url.replace('localhost', '127.0.0.1'));
  // The server's data folder: a test can set up the chapter and make invites there (server/store.ts).
  project.provide('dataDir', dataDir);
  return async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
  }
}
