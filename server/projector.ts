// Keeps every person's `hours:<personId>` document equal to the official hours computed from
// the chapter document (projection.ts): a Hocuspocus extension that recomputes ~200 ms after
// the chapter document changes (debounced, at most a second late under a steady stream), when
// it loads, when a person opens their hours document, at start and when the date changes.
// Each hours document is written only when its figures differ (so several processes computing
// the same figures write nothing twice): in place when a device has it open, else through a
// direct connection (stored at once).
import type { afterLoadDocumentPayload, Extension, Hocuspocus, onChangePayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { SessionMeta } from '../src/content/types.ts';
import { chapterDocName, HOURS_MAP, hoursDocName, OFFICIAL_KEY, type OfficialHours } from '../src/lib/chapter-doc.ts';
import { todayIn } from '../src/lib/dates.ts';
import { chapterState, hoursKey, officialHours, type ServerPerson } from './projection.ts';

export interface ProjectorOptions {
  chapterId: string;
  published: readonly SessionMeta[];
  /** The program's timezone: "today" is the date there (UTC when absent). */
  timeZone?: string | undefined;
  /** The server's people, read on every run (a person enrolled since is matched). */
  people: () => readonly ServerPerson[];
  /** The chapter document's stored state, when it is not loaded in this process. */
  loadState: (documentName: string) => Uint8Array | null | Promise<Uint8Array | null>;
  log: (line: string) => void;
  /** The date the hours count up to (tests set it; default today in the timezone). */
  today?: () => string;
  debounceMs?: number;
  maxWaitMs?: number;
}

/** What the projector's own direct connections carry, so their loads start no new run. */
const PROJECTION_CONTEXT = { projection: true } as const;
/** The origin of writes into a loaded document: Hocuspocus stores updates with an origin (debounced). */
const PROJECTION_ORIGIN = { context: PROJECTION_CONTEXT, socketId: 'server-projection' };
const isProjection = (context: unknown) => (context as { projection?: boolean } | undefined)?.projection === true;

function keyOf(value: unknown): string {
  try {
    return hoursKey(value as OfficialHours | undefined);
  } catch {
    return 'not-official-hours';
  }
}

export class ChapterProjection implements Extension {
  extensionName = 'clm-chapter-projection';
  /** Runs after the extensions that store documents. */
  priority = 50;

  readonly documentName: string;
  /** What each person's hours document holds (its figures' key), as last read or written here. */
  private readonly known = new Map<string, string>();
  private instance: Hocuspocus | undefined;
  private timer: NodeJS.Timeout | undefined;
  private firstRequestAt = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private day = '';
  private readonly dayTimer: NodeJS.Timeout;
  private stopped = false;
  /** How long the last run took (ms), for the log and the bench. */
  lastRunMs = 0;
  runs = 0;

  constructor(private readonly options: ProjectorOptions) {
    this.documentName = chapterDocName(options.chapterId);
    this.day = this.today();
    // A session counts from its day on: the figures change at midnight without any edit.
    this.dayTimer = setInterval(() => {
      if (this.today() !== this.day) this.request();
    }, 60_000);
    this.dayTimer.unref();
  }

  today(): string {
    return this.options.today?.() ?? todayIn(this.options.timeZone ?? 'UTC');
  }

  /** Starts the projector on a Hocuspocus instance: one run now (a stored chapter document counts at once). */
  start(instance: Hocuspocus): Promise<void> {
    this.instance = instance;
    this.request(0);
    return this.idle();
  }

  async onChange({ documentName, instance }: onChangePayload): Promise<void> {
    this.instance ??= instance;
    if (documentName === this.documentName) this.request();
  }

  async afterLoadDocument({ documentName, instance, context }: afterLoadDocumentPayload): Promise<void> {
    this.instance ??= instance;
    if (isProjection(context)) return;
    if (documentName === this.documentName) this.request();
    else if (documentName.startsWith('hours:')) {
      // A person opening their document: read it again (another process may have written it).
      this.known.delete(documentName.slice('hours:'.length));
      this.request();
    }
  }

  async onDestroy(): Promise<void> {
    await this.stop();
  }

  /** Asks for a run after the debounce (at most maxWaitMs after the first request). */
  request(delay = this.options.debounceMs ?? 200): void {
    if (this.stopped) return;
    const now = Date.now();
    if (!this.timer) this.firstRequestAt = now;
    else clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(delay, this.firstRequestAt + (this.options.maxWaitMs ?? 1000) - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, wait);
    this.timer.unref();
  }

  /** Resolves once no run is pending or running. */
  async idle(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.dayTimer);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) =>
        this.options.log(`hours projection failed: ${error instanceof Error ? error.stack : String(error)}`),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async chapterDoc(): Promise<Y.Doc> {
    const live = this.instance?.documents.get(this.documentName);
    if (live) return live;
    const doc = new Y.Doc();
    const state = await this.options.loadState(this.documentName);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }

  private async run(): Promise<void> {
    const instance = this.instance;
    if (!instance || this.stopped) return;
    const started = performance.now();
    this.day = this.today();
    const official = officialHours(
      chapterState(await this.chapterDoc()),
      this.options.published,
      this.day,
      this.options.people(),
    );
    this.lastRunMs = performance.now() - started;
    this.runs += 1;
    for (const person of this.options.people()) {
      if (this.stopped) return;
      const next = official.get(person.id);
      const key = hoursKey(next);
      if (this.known.get(person.id) === key) continue;
      const write = (doc: Y.Doc) => {
        const map = doc.getMap(HOURS_MAP);
        const current = map.get(OFFICIAL_KEY);
        if (keyOf(current) === key) return;
        if (next) map.set(OFFICIAL_KEY, next);
        else map.delete(OFFICIAL_KEY);
      };
      const name = hoursDocName(person.id);
      const live = instance.documents.get(name);
      if (live) {
        // Open on a device: written in place and sent to it at once; Hocuspocus stores it on its
        // debounce (and when the last device leaves), so no disk write waits in the way of sync.
        live.transact(() => write(live), PROJECTION_ORIGIN);
      } else {
        const connection = await instance.openDirectConnection(name, PROJECTION_CONTEXT);
        try {
          await connection.transact(write);
        } finally {
          await connection.disconnect();
        }
      }
      this.known.set(person.id, key);
    }
  }
}
