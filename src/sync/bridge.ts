// Keeps this device's tables and the person's Yjs document in step, both ways. Local → doc:
// rows the document lacks are added (answers by uid, never rewritten; attempts unless the
// document's is submitted; flags and settings by latest change; CE entries). Doc → local: what
// the tables lack is written (src/db/sync-local.ts), cards and progress replayed. All work runs
// one step at a time, so a pull never races a push.
import * as Y from 'yjs';
import type { LocalChange } from '../db/db';
import type { DocFlag, DocSetting, LocalStore, RemoteBatch } from '../db/sync-local';
import type { AttemptRecord } from '../db/db';
import {
  answerToDoc,
  attemptToDoc,
  isRemoved,
  latest,
  plain,
  type DocAnswer,
  type DocEducation,
} from '../lib/sync-merge';
import { SYNCED_SETTINGS } from '../db/settings';

/** Answers (about 200 bytes each) and attempts (up to ~20 KB) per document update. */
const ANSWERS_PER_UPDATE = 1000;
const ATTEMPTS_PER_UPDATE = 25;

/** The origin of the bridge's own writes to the document (its observers skip them). */
export const BRIDGE = Symbol('clm-sync-bridge');

export interface Maps {
  answers: Y.Map<DocAnswer>;
  attempts: Y.Map<AttemptRecord>;
  flags: Y.Map<DocFlag>;
  settings: Y.Map<DocSetting>;
  education: Y.Map<DocEducation>;
}

export function mapsOf(doc: Y.Doc): Maps {
  return {
    answers: doc.getMap('answers'),
    attempts: doc.getMap('attempts'),
    flags: doc.getMap('flags'),
    settings: doc.getMap('settings'),
    education: doc.getMap('education'),
  };
}

type Keys = { [K in keyof Maps]: Set<string> };
const noKeys = (): Keys => ({
  answers: new Set(),
  attempts: new Set(),
  flags: new Set(),
  settings: new Set(),
  education: new Set(),
});

export class Bridge {
  readonly maps: Maps;
  private queue: Promise<void> = Promise.resolve();
  private lastAnswerId = 0;
  private stopObserving: () => void;
  /** Work waiting or running; the engine reports it as pending. */
  busy = 0;
  onError: (error: unknown) => void = (e) => console.error('Sync could not apply a change', e);
  onIdle: () => void = () => undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly store: LocalStore,
  ) {
    this.maps = mapsOf(doc);
    const names = Object.keys(this.maps) as (keyof Maps)[];
    const stops = names.map((name) => {
      const map = this.maps[name] as Y.Map<unknown>;
      const observer = (event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
        if (tx.origin === BRIDGE) return;
        for (const k of event.keysChanged) this.incoming[name].add(k);
        this.schedulePull();
      };
      map.observe(observer);
      return () => map.unobserve(observer);
    });
    this.stopObserving = () => stops.forEach((stop) => stop());
  }

  private incoming = noKeys();
  private pullScheduled = false;

  /** One pull for every change of the document since the last one (a transaction touches several maps). */
  private schedulePull(): void {
    if (this.pullScheduled) return;
    this.pullScheduled = true;
    this.run(() => {
      this.pullScheduled = false;
      const keys = this.incoming;
      this.incoming = noKeys();
      return this.pull(keys);
    });
  }

  /** Full reconcile both ways (at start: heals a crash between a table write and the doc's). */
  start(): Promise<void> {
    this.pullAll();
    this.pushAll();
    return this.idle();
  }

  /** Doc → local for everything in the document (the engine: as soon as the document is loaded). */
  pullAll(): void {
    const keys = noKeys();
    for (const name of Object.keys(this.maps) as (keyof Maps)[])
      for (const k of this.maps[name].keys()) keys[name].add(k);
    this.run(() => this.pull(keys));
  }

  /** Local → doc for every row (the engine: once connected, so a long history goes up in parts). */
  pushAll(): void {
    this.lastAnswerId = 0;
    this.run(() => this.push());
  }

  /** A committed local write: push what it changed. */
  localChange(change: LocalChange): void {
    this.run(() => this.push(change));
  }

  idle(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.stopObserving();
  }

  private run(step: () => Promise<void>): void {
    this.busy++;
    this.queue = this.queue
      .then(step)
      .catch((e: unknown) => this.onError(e))
      .finally(() => {
        this.busy--;
        if (this.busy === 0) this.onIdle();
      });
  }

  /** Doc → local, for the keys that changed in the document. */
  private async pull(keys: Keys): Promise<void> {
    const pick = <T>(map: Y.Map<T>, ks: Set<string>) =>
      [...ks].flatMap((k) => {
        const v = map.get(k);
        return v === undefined ? [] : [v];
      });
    const pairs = <T>(map: Y.Map<T>, ks: Set<string>) =>
      [...ks].flatMap((k): [string, T][] => {
        const v = map.get(k);
        return v === undefined ? [] : [[k, v]];
      });
    const batch: RemoteBatch = {
      answers: pick(this.maps.answers, keys.answers),
      attempts: pick(this.maps.attempts, keys.attempts),
      flags: pairs(this.maps.flags, keys.flags),
      settings: pairs(this.maps.settings, keys.settings),
      education: pick(this.maps.education, keys.education),
    };
    await this.store.apply(batch);
  }

  /** Local → doc: everything (no change given) or what one write changed. */
  private async push(change?: LocalChange): Promise<void> {
    const table = change?.table;
    const keys = change?.keys;
    const [answers, byUid, attempts, flags, settings, education] = await Promise.all([
      !table || table === 'answers' ? this.store.answersAfter(this.lastAnswerId) : [],
      table === 'answers' && keys ? this.store.answersByUid(keys) : [],
      !table || table === 'attempts' ? this.store.attempts(keys) : [],
      !table || table === 'flags' ? this.store.flags(keys) : undefined,
      !table || table === 'settings' ? this.store.settings() : undefined,
      !table || table === 'education' ? this.store.education(keys) : undefined,
    ]);
    const now = Date.now();
    const m = this.maps;
    // A long history goes up in several updates, each well under the server's message limit.
    const all = [...answers, ...byUid];
    for (let i = 0; i < all.length; i += ANSWERS_PER_UPDATE) {
      this.doc.transact(() => {
        for (const a of all.slice(i, i + ANSWERS_PER_UPDATE)) {
          const value = answerToDoc(a, m.answers.get(a.uid));
          if (value) m.answers.set(a.uid, value);
          this.lastAnswerId = Math.max(this.lastAnswerId, a.id);
        }
      }, BRIDGE);
    }
    for (let i = 0; i < attempts.length; i += ATTEMPTS_PER_UPDATE) {
      this.doc.transact(() => {
        for (const a of attempts.slice(i, i + ATTEMPTS_PER_UPDATE))
          if (attemptToDoc(a, m.attempts.get(a.id))) m.attempts.set(a.id, plain(a));
      }, BRIDGE);
    }
    this.doc.transact(() => {
      if (flags) {
        for (const id of keys ?? flags.keys()) {
          const row = flags.get(id);
          const local = row ? { value: true, at: row.at } : { value: false, at: now };
          const inDoc = m.flags.get(id);
          const docStamp = inDoc && { value: inDoc.flagged, at: inDoc.at };
          if (latest(local, docStamp) === 'toDoc') m.flags.set(id, { flagged: local.value, at: local.at });
        }
      }
      if (settings) {
        for (const key of (keys ?? [...settings.keys()]).filter((k) => SYNCED_SETTINGS.includes(k))) {
          const row = settings.get(key);
          const local = row ? { value: row.value, at: row.at ?? 0 } : { value: null, at: now };
          if (latest(local, m.settings.get(key)) === 'toDoc') m.settings.set(key, plain(local));
        }
      }
      if (education) {
        for (const id of keys ?? education.keys()) {
          const row = education.get(id);
          const inDoc = m.education.get(id);
          if (row && !inDoc) m.education.set(id, plain(row));
          else if (!row && inDoc && !isRemoved(inDoc)) m.education.set(id, { id, deleted: true, at: now });
        }
      }
    }, BRIDGE);
  }
}
