// Where the server listens, where its data lives and how its links start, from the environment.
import { resolve } from 'node:path';

export interface ServerConfig {
  /** Port to listen on (0 picks a free one). */
  port: number;
  host: string;
  /** Folder of the SQLite file (created on first run). */
  dataDir: string;
  /** The production build that is served. */
  distDir: string;
  /** The content folder whose sessions the official hours count over (default content/). */
  contentDir?: string | undefined;
  /** The date the official hours count up to; default today in the program's timezone (tests set it). */
  hoursToday?: (() => string) | undefined;
  /** How often open connections get a keep-alive (default KEEP_ALIVE_MS; tests shorten it). */
  keepAliveMs?: number | undefined;
  /** The address people open (behind a proxy: https://study.example.org); links start with it. */
  publicUrl?: string;
  /** postgres://…: documents (and the report tables) in PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
  /** redis://…: several processes share documents through Redis. */
  redisUrl?: string;
  /** Log lines (off in tests). */
  log: (line: string) => void;
}

export const DEFAULT_PORT = 4173;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    distDir: resolve(env.DIST_DIR || 'dist'),
    contentDir: resolve(env.CLM_CONTENT_DIR || 'content'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    databaseUrl: urlFrom(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: urlFrom(env, 'REDIS_URL', ['redis:', 'rediss:']),
    log: (line) => console.log(line),
  };
}

/** An optional URL setting, refused with a clear message when it is not one of the protocols. */
function urlFrom(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw new Error(`${name} must be a URL (${protocols[0]}//…), not "${value}".`);
  }
  if (!protocols.includes(protocol)) throw new Error(`${name} must start with ${protocols[0]}//, not "${protocol}//".`);
  return value;
}

/** The start of every link the server prints or returns. */
export function linkBase(config: Pick<ServerConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
