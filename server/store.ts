// The chapter server's data: one SQLite file (better-sqlite3, WAL) in DATA_DIR with the
// people, their devices, one-time codes (stored hashed), meta (the chapter's name, the token
// secret) and the Yjs documents: `documents` holds each document's state as one Yjs update,
// `document_updates` the updates received since (each appended before it is acknowledged),
// folded into the state and deleted when the document is stored.
import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DAY_MS, DEVICE_LINK_MINUTES, INVITE_DAYS } from './limits.ts';
import {
  DATABASE_FILE,
  ROLES,
  SCHEMA,
  device,
  hash,
  person,
  type CodeRow,
  type Device,
  type DeviceRow,
  type IssuedCode,
  type Person,
  type PersonRow,
  type Role,
} from './store-schema.ts';

export { DATABASE_FILE, ROLES, isRole, type Device, type IssuedCode, type Person, type Role } from './store-schema.ts';

export class Store {
  readonly db: Database.Database;
  readonly file: string;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, DATABASE_FILE);
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    // A change is confirmed to a client only once it is in the WAL and synced to disk.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** The token secret: generated once, on first use, and kept in meta. */
  secret(): Uint8Array {
    const existing = this.meta('jwt_secret');
    if (existing) return Buffer.from(existing, 'base64url');
    const created = randomBytes(32).toString('base64url');
    this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('jwt_secret', created);
    return Buffer.from(this.meta('jwt_secret') ?? created, 'base64url');
  }

  chapterName(): string | undefined {
    return this.meta('chapter_name');
  }

  /**
   * The chapter's id (a UUID), which names its document `chapter:<id>`: created at init, or on
   * the first start of a server set up before chapters had ids, and never changed after.
   */
  chapterId(): string {
    const existing = this.meta('chapter_id');
    if (existing) return existing;
    this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('chapter_id', randomUUID());
    return this.meta('chapter_id') ?? '';
  }

  /** Sets the chapter up and invites its first admin (the invite is how their first device signs in). */
  init(input: { chapter: string; name: string; email: string }, now = Date.now()): IssuedCode {
    return this.db.transaction(() => {
      const existing = this.chapterName();
      if (existing) throw new Error(`This server is already set up for the chapter "${existing}".`);
      this.setMeta('chapter_name', input.chapter);
      this.chapterId();
      return this.createInvite({ role: 'admin', email: input.email, name: input.name }, now);
    })();
  }

  createInvite(input: { role: Role; email: string; name?: string }, now = Date.now()): IssuedCode {
    const code = randomBytes(32).toString('base64url');
    const expiresAt = now + INVITE_DAYS * DAY_MS;
    this.db
      .prepare(
        `INSERT INTO codes (hash, kind, email, name, role, created_at, expires_at) VALUES (?, 'invite', ?, ?, ?, ?, ?)`,
      )
      .run(hash(code), input.email, input.name ?? null, input.role, now, expiresAt);
    return { code, expiresAt };
  }

  createDeviceLink(personId: string, now = Date.now()): IssuedCode {
    const code = randomBytes(32).toString('base64url');
    const expiresAt = now + DEVICE_LINK_MINUTES * 60 * 1000;
    this.db
      .prepare(`INSERT INTO codes (hash, kind, person_id, created_at, expires_at) VALUES (?, 'device', ?, ?, ?)`)
      .run(hash(code), personId, now, expiresAt);
    return { code, expiresAt };
  }

  /**
   * Uses a code once: an invite enrols its person (created, or given the invite's role if the
   * email is already known), a device link adds a device of the same person. Undefined when the
   * code is unknown, used or expired.
   */
  enrol(code: string, label: string, now = Date.now()): { person: Person; device: Device } | undefined {
    return this.db.transaction(() => {
      const claimed = this.db
        .prepare(
          `UPDATE codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?
           RETURNING kind, person_id, email, name, role`,
        )
        .get(now, hash(code), now) as CodeRow | undefined;
      if (!claimed) return undefined;
      let personId = claimed.person_id;
      if (claimed.kind === 'invite') {
        const email = claimed.email ?? '';
        const known = this.db.prepare('SELECT * FROM people WHERE email = ?').get(email) as PersonRow | undefined;
        const role = claimed.role ?? 'member';
        if (known) {
          const roles = person(known).roles;
          if (!roles.includes(role)) {
            this.db.prepare('UPDATE people SET roles = ? WHERE id = ?').run(JSON.stringify([...roles, role]), known.id);
          }
          personId = known.id;
        } else {
          personId = randomUUID();
          const name = claimed.name?.trim() || email.split('@')[0] || email;
          this.db
            .prepare('INSERT INTO people (id, name, email, roles, created_at) VALUES (?, ?, ?, ?, ?)')
            .run(personId, name, email, JSON.stringify([role]), now);
        }
      }
      if (!personId) return undefined;
      const id = randomUUID();
      this.db
        .prepare('INSERT INTO devices (id, person_id, label, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, personId, label, now, now);
      const found = this.person(personId);
      const added = this.device(id);
      return found && added ? { person: found, device: added } : undefined;
    })();
  }

  person(id: string): Person | undefined {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    return row && person(row);
  }

  /** Every person, by name: the projection matches them to the chapter's members by email. */
  people(): Person[] {
    return (this.db.prepare('SELECT * FROM people ORDER BY name, id').all() as PersonRow[]).map(person);
  }

  personByEmail(email: string): Person | undefined {
    const row = this.db.prepare('SELECT * FROM people WHERE email = ?').get(email.trim()) as PersonRow | undefined;
    return row && person(row);
  }

  /** Sets a person's roles (at least one); false when there is no such person. */
  setRoles(id: string, roles: readonly Role[]): boolean {
    const unique = ROLES.filter((r) => roles.includes(r));
    if (unique.length === 0) throw new Error('A person needs at least one role.');
    return this.db.prepare('UPDATE people SET roles = ? WHERE id = ?').run(JSON.stringify(unique), id).changes === 1;
  }

  device(id: string): Device | undefined {
    const row = this.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    return row && device(row);
  }

  /** A person's devices that are not revoked, oldest first. */
  devicesOf(personId: string): Device[] {
    return (
      this.db
        .prepare('SELECT * FROM devices WHERE person_id = ? AND revoked_at IS NULL ORDER BY created_at, id')
        .all(personId) as DeviceRow[]
    ).map(device);
  }

  /** Every device with its person, for the administrator's `devices` command. */
  allDevices(): (Device & { name: string; email: string })[] {
    return (
      this.db
        .prepare(
          `SELECT devices.*, people.name AS name, people.email AS email FROM devices
           JOIN people ON people.id = devices.person_id ORDER BY people.name, devices.created_at`,
        )
        .all() as (DeviceRow & { name: string; email: string })[]
    ).map((row) => ({ ...device(row), name: row.name, email: row.email }));
  }

  /** Revokes a device; false when there is no such device or it was already revoked. */
  revokeDevice(id: string, now = Date.now()): boolean {
    return (
      this.db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes ===
      1
    );
  }

  /** Devices revoked at or after a time (the server closes their sockets, whoever revoked them). */
  revokedSince(since: number): string[] {
    return (
      this.db.prepare('SELECT id FROM devices WHERE revoked_at IS NOT NULL AND revoked_at >= ?').all(since) as {
        id: string;
      }[]
    ).map((row) => row.id);
  }

  touchDevice(id: string, now = Date.now()): void {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  /** A document's state and every update appended since, as one Yjs update; null if it was never stored. */
  fetchDocument(name: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
      { state: Buffer } | undefined;
    const updates = (
      this.db.prepare('SELECT update_data FROM document_updates WHERE name = ? ORDER BY id').all(name) as {
        update_data: Buffer;
      }[]
    ).map((u) => new Uint8Array(u.update_data));
    if (!row && updates.length === 0) return null;
    const parts = row ? [new Uint8Array(row.state), ...updates] : updates;
    return parts.length === 1 ? (parts[0] ?? null) : Y.mergeUpdates(parts);
  }

  /** Appends one update a client sent (durably: this returns once it is on disk). */
  appendUpdate(name: string, update: Uint8Array, now = Date.now()): void {
    this.db
      .prepare('INSERT INTO document_updates (name, update_data, at) VALUES (?, ?, ?)')
      .run(name, Buffer.from(update.buffer, update.byteOffset, update.byteLength), now);
  }

  /**
   * Stores a document's whole state and deletes the updates appended before, which the state
   * holds: the caller encodes the state from the live document, which has applied every
   * update before it was appended (see persistence.ts).
   */
  storeDocument(name: string, state: Uint8Array, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
           ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        )
        .run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength), now);
      this.db.prepare('DELETE FROM document_updates WHERE name = ?').run(name);
    })();
  }

  /** How many appended updates wait to be folded into a document's state. */
  pendingUpdates(name: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE name = ?').get(name) as { n: number }).n;
  }

  documentNames(): string[] {
    return (
      this.db.prepare('SELECT name FROM documents UNION SELECT name FROM document_updates ORDER BY name').all() as {
        name: string;
      }[]
    ).map((r) => r.name);
  }
  /** A consistent copy of the whole database, taken while the server runs (SQLite's online backup). */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }
}
