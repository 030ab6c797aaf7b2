// The chapter server's SQLite schema and record shapes (server/store.ts opens the file and
// holds the operations): the people, their devices, one-time codes (stored hashed), meta and
// the Yjs documents with the updates received since each was last stored.
import { createHash } from 'node:crypto';

export const DATABASE_FILE = 'clm-study.sqlite';
export const ROLES = ['member', 'committee', 'speaker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Person {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export interface Device {
  id: string;
  personId: string;
  label: string;
  createdAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
}

export interface IssuedCode {
  code: string;
  expiresAt: number;
}

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  roles: string;
}
export interface DeviceRow {
  id: string;
  person_id: string;
  label: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}
export interface CodeRow {
  kind: 'invite' | 'device';
  person_id: string | null;
  email: string | null;
  name: string | null;
  role: Role | null;
}

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  roles TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at INTEGER
);
CREATE INDEX IF NOT EXISTS devices_person ON devices(person_id);
CREATE TABLE IF NOT EXISTS codes (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('invite', 'device')),
  person_id TEXT REFERENCES people(id),
  email TEXT,
  name TEXT,
  role TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS document_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  update_data BLOB NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates(name, id);
`;

export const hash = (code: string) => createHash('sha256').update(code).digest('hex');
export const person = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  email: row.email,
  roles: JSON.parse(row.roles) as Role[],
});
export const device = (row: DeviceRow): Device => ({
  id: row.id,
  personId: row.person_id,
  label: row.label,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
});

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
