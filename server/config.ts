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
  /** The address people open (behind a proxy: https://study.example.org); links start with it. */
  publicUrl?: string;
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
    log: (line) => console.log(line),
  };
}

/** The start of every link the server prints or returns. */
export function linkBase(config: Pick<ServerConfig, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}
