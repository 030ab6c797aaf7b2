// Choosing the layout by environment: neither variable keeps SQLite, DATABASE_URL / REDIS_URL
// must be postgres:// / redis:// URLs, and a server whose Redis or PostgreSQL does not answer
// refuses to start with a message naming the variable (no half-shared process).
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { startServer } from '../../server/app.ts';
import { configFromEnv } from '../../server/config.ts';
import { fakeDist, tempDir } from './harness.ts';
import { freePort } from './services.ts';

const dataDir = tempDir('scale-config');
const distDir = fakeDist();
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
});

it('keeps SQLite with neither variable, and takes only postgres:// and redis:// URLs', async () => {
  expect(configFromEnv({}).databaseUrl).toBeUndefined();
  expect(configFromEnv({}).redisUrl).toBeUndefined();
  const both = configFromEnv({ DATABASE_URL: 'postgres://clm@db:5432/clm', REDIS_URL: 'redis://cache:6379' });
  expect([both.databaseUrl, both.redisUrl]).toEqual(['postgres://clm@db:5432/clm', 'redis://cache:6379']);
  expect(() => configFromEnv({ DATABASE_URL: 'mysql://db/clm' })).toThrow('DATABASE_URL must start with postgres://');
  expect(() => configFromEnv({ REDIS_URL: 'cache:6379' })).toThrow('REDIS_URL must start with redis://');
  expect(() => configFromEnv({ DATABASE_URL: 'not a url' })).toThrow('DATABASE_URL must be a URL');

  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir, log: () => undefined });
  expect(server.scaleOut.describe).toBe('');
  await server.close();
});

it('refuses to start when Redis or PostgreSQL does not answer, naming the variable', async () => {
  const port = await freePort();
  const base = { port: 0, host: '127.0.0.1', dataDir, distDir, log: () => undefined };
  await expect(startServer({ ...base, redisUrl: `redis://127.0.0.1:${port}` })).rejects.toThrow(
    `Could not reach Redis at REDIS_URL 127.0.0.1:${port}`,
  );
  await expect(startServer({ ...base, databaseUrl: `postgres://clm@127.0.0.1:${port}/clm` })).rejects.toThrow(
    'Could not open the PostgreSQL database in DATABASE_URL',
  );
});
