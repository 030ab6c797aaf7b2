// The chapter's published session packs, in the server's SQLite file: every version ever
// published, each immutable (a pack is received and compiled again by every member's app), and
// which packs are withdrawn. Checked here with the build's own compiler (src/content/pack.ts)
// before anything is stored, so a member's app is never sent a pack it would refuse.
import type Database from 'better-sqlite3';
import { checkPack, type Pack, type PackManifest } from '../src/content/pack.ts';
import type { PackBase } from '../src/content/pack-check.ts';
import { mayPublishPacks } from '../src/lib/publishers.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS packs (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  manifest TEXT NOT NULL,
  question_ids TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE IF NOT EXISTS pack_withdrawals (
  id TEXT PRIMARY KEY,
  withdrawn_at INTEGER NOT NULL,
  withdrawn_by TEXT NOT NULL
);
`;

/** Who may publish and withdraw packs (the app offers its buttons by the same rule). */
export function publishRefusal(roles: readonly string[]): string | undefined {
  return mayPublishPacks(roles) ? undefined : 'Only speakers and the committee publish session packs.';
}

export interface PublishedPack {
  manifest: PackManifest;
  publishedAt: number;
}

export type PublishResult =
  { ok: true; manifest: PackManifest; created: boolean } | { ok: false; status: 403 | 409 | 422; problems: string[] };

interface Row {
  id: string;
  version: number;
  body: string;
  manifest: string;
  question_ids: string;
  published_by: string;
  published_at: number;
}

export class PackShelf {
  constructor(
    private readonly db: Database.Database,
    private readonly base: () => PackBase,
    private readonly now = () => Date.now(),
  ) {
    db.exec(SCHEMA);
  }

  /** The latest version of every pack that is not withdrawn: what members' apps hold. */
  list(): PublishedPack[] {
    const rows = this.db
      .prepare(
        `SELECT p.* FROM packs p
         JOIN (SELECT id, MAX(version) AS version FROM packs GROUP BY id) latest USING (id, version)
         WHERE p.id NOT IN (SELECT id FROM pack_withdrawals) ORDER BY p.id`,
      )
      .all() as Row[];
    return rows.map((r) => ({ manifest: JSON.parse(r.manifest) as PackManifest, publishedAt: r.published_at }));
  }

  get(id: string, version: number): Pack | undefined {
    const row = this.db.prepare('SELECT body FROM packs WHERE id = ? AND version = ?').get(id, version) as
      Pick<Row, 'body'> | undefined;
    return row && (JSON.parse(row.body) as Pack);
  }

  /**
   * Publishes a pack after the same checks a member's app makes. Publishing the same version
   * again with the same content changes nothing (a retry); a version is never changed.
   */
  publish(raw: unknown, by: { id: string; roles: readonly string[] }): PublishResult {
    const refused = publishRefusal(by.roles);
    if (refused) return { ok: false, status: 403, problems: [refused] };
    const checked = checkPack(raw, this.base());
    if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
    const { pack } = checked;
    const { id, version } = pack.manifest;
    const body = JSON.stringify(pack);
    const questionIds = checked.compiled.questions.map((q) => q.id);
    return this.db.transaction((): PublishResult => {
      const versions = this.db.prepare('SELECT * FROM packs WHERE id = ? ORDER BY version').all(id) as Row[];
      const same = versions.find((v) => v.version === version);
      if (same?.body === body) return { ok: true, manifest: pack.manifest, created: false };
      const first = versions[0];
      if (first && first.published_by !== by.id && !by.roles.some((r) => r === 'committee' || r === 'admin'))
        return {
          ok: false,
          status: 403,
          problems: ['Another speaker published this pack: ask them or the committee to publish its new version.'],
        };
      const latest = versions.at(-1)?.version ?? 0;
      if (version <= latest)
        return {
          ok: false,
          status: 409,
          problems: [`Version ${latest} of this pack is published: publish this one as version ${latest + 1}.`],
        };
      const clash = this.clashes(id, questionIds);
      if (clash.length > 0) return { ok: false, status: 409, problems: clash };
      this.db
        .prepare(
          'INSERT INTO packs (id, version, body, manifest, question_ids, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, version, body, JSON.stringify(pack.manifest), JSON.stringify(questionIds), by.id, this.now());
      // A new version brings a withdrawn pack back.
      this.db.prepare('DELETE FROM pack_withdrawals WHERE id = ?').run(id);
      return { ok: true, manifest: pack.manifest, created: true };
    })();
  }

  /** Withdraws a pack (every version); false when there is no such pack. Repeating it changes nothing. */
  withdraw(id: string, by: string): boolean {
    if (!this.db.prepare('SELECT 1 FROM packs WHERE id = ?').get(id)) return false;
    this.db
      .prepare('INSERT OR IGNORE INTO pack_withdrawals (id, withdrawn_at, withdrawn_by) VALUES (?, ?, ?)')
      .run(id, this.now(), by);
    return true;
  }

  /** Question ids another pack's latest version already uses. */
  private clashes(id: string, questionIds: string[]): string[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.question_ids FROM packs p
         JOIN (SELECT id, MAX(version) AS version FROM packs GROUP BY id) latest USING (id, version)
         WHERE p.id != ?`,
      )
      .all(id) as Pick<Row, 'id' | 'question_ids'>[];
    const wanted = new Set(questionIds);
    return rows.flatMap((r) =>
      (JSON.parse(r.question_ids) as string[])
        .filter((q) => wanted.has(q))
        .map((q) => `The question id "${q}" is used by the pack "${r.id}": choose another.`),
    );
  }
}
