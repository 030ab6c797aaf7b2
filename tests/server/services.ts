// PostgreSQL and Redis for the scale-out tests: each started once per test file, on a free
// loopback port, its data in a temporary folder, stopped (and the folder removed) after. The
// binaries are Debian's (apt-get install postgresql redis-server; .ci/run installs them) or
// found on PATH / PG_BIN; without them the test fails saying how to install them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

const INSTALL =
  'Install them with: sudo apt-get install postgresql redis-server (Debian/Ubuntu; .ci/run does this), ' +
  'or brew install postgresql@15 redis (macOS); or set PG_BIN to the folder of initdb/postgres and ' +
  'REDIS_SERVER to the redis-server binary.';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

function postgresBin(): string {
  if (process.env.PG_BIN) {
    if (existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
    throw new Error(`PG_BIN=${process.env.PG_BIN} has no initdb. ${INSTALL}`);
  }
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const initdb = onPath('initdb');
  if (initdb) return join(initdb, '..');
  throw new Error(`PostgreSQL (initdb, postgres) is not installed, and the scale-out tests need it. ${INSTALL}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!uid) throw new Error('Running as root, PostgreSQL needs the "postgres" user (Debian\'s package creates it).');
  return { uid, gid };
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function until(check: () => Promise<boolean>, label: string, timeout: number, output: () => string) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${label} did not start within ${timeout} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `fsync: true` for figures that must include the disk flush of each commit (the bench). */
export async function startPostgres({ fsync = false } = {}): Promise<Service> {
  const bin = postgresBin();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'clm-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'clm', '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
    encoding: 'utf8',
    ...user,
  });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || String(init.error)}`);
  const port = await freePort();
  // fsync off: the tests kill the chapter server, never PostgreSQL, so they need no disk flushes.
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `fsync=${fsync ? 'on' : 'off'}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...user },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `postgres://clm@127.0.0.1:${port}/postgres`;
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`postgres exited: ${output}`);
      const client = new Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        return false;
      }
    },
    'PostgreSQL',
    20_000,
    () => output,
  );
  return {
    url,
    async stop() {
      await stopChild(child, 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startRedis(): Promise<Service> {
  const binary = process.env.REDIS_SERVER ?? onPath('redis-server');
  if (!binary || !existsSync(binary))
    throw new Error(`redis-server is not installed, and the scale-out tests need it. ${INSTALL}`);
  const dir = mkdtempSync(join(tmpdir(), 'clm-redis-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(
    async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
      return /Ready to accept connections/.test(output);
    },
    'Redis',
    10_000,
    () => output,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
