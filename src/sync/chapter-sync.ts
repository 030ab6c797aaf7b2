// The chapter's documents on a signed-in device, on the same socket as the person's own
// document (loaded with the engine, so only after sign-in). Every person opens their official
// hours `hours:<personId>` read-only: the server writes it; this device keeps a copy of the
// figures for My hours (src/db/official.ts) and never sends a change to it (the document lives
// in memory only, fed by the server; a change that did not come from the server resets it to
// the server's state). A committee device (roles committee or admin) also opens the chapter
// document `chapter:<chapterId>`, kept in the app's database (y-dexie) so it works offline, and
// bridged with the roster, schedule changes and attendance log (chapter-bridge.ts).
import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { saveAccount, type Account } from '../db/account';
import { onLocalChange, type ClmDatabase } from '../db/db';
import { saveOfficial } from '../db/official';
import { openSyncDoc } from '../db/sync-doc';
import { chapterStore } from '../db/chapter-local';
import { chapterDocName, HOURS_MAP, hoursDocName, OFFICIAL_KEY, type OfficialHours } from '../lib/chapter-doc';
import { ChapterBridge } from './chapter-bridge';
import { fetchMe } from './api';

export const COMMITTEE_ROLES: readonly string[] = ['committee', 'admin'];
export const isCommittee = (roles: readonly string[]) => roles.some((r) => COMMITTEE_ROLES.includes(r));

export interface ChapterDocs {
  /** Local chapter changes not yet acknowledged (0 on a member's device). */
  pending(): number;
  /** Whether the server refused the chapter document to this device. */
  refused(): boolean;
  settled(): Promise<void>;
  stop(): Promise<void>;
  /** The read-only hours document as it is now (tests: a change to it is discarded). */
  hoursDoc(): Y.Doc;
}

interface Options {
  account: Account;
  database: ClmDatabase;
  socket: HocuspocusProviderWebsocket;
  onChange: () => void;
  /** Whether to ask the server who this is (tests without an HTTP API pass false). */
  askServer?: boolean;
}

export function startChapterDocs({ account, database, socket, onChange, askServer = true }: Options): ChapterDocs {
  let stopped = false;
  let chapter: { provider: HocuspocusProvider; bridge: ChapterBridge; close: () => void } | undefined;
  let chapterStarting: Promise<void> | undefined;
  let chapterRefused = false;
  const hours = hoursDoc(account, database, socket);

  const openChapter = (chapterId: string) => {
    if (chapter || chapterStarting || stopped || !chapterId) return;
    chapterStarting = (async () => {
      const name = chapterDocName(chapterId);
      const loaded = await openSyncDoc(database.name, name);
      if (stopped) return loaded.close();
      const bridge = new ChapterBridge(loaded.doc, chapterStore(database));
      bridge.onIdle = onChange;
      const unsubscribe = onLocalChange((change) => {
        bridge.localChange(change);
        onChange();
      });
      // The document's content reaches the tables and the tables' rows go into it at once:
      // offline, they wait in the stored document until the server is in reach.
      void bridge.start();
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: loaded.doc,
        token: account.token,
        // No presence: with awareness, each of 200 phones' updates would go to the 199 others
        // every 15 s (docs/SERVER.md); the server's keep-alive keeps the connection open.
        awareness: null,
        onUnsyncedChanges: onChange,
        onSynced: onChange,
        // Not (or no longer) on the committee: the records stay on this device, nothing more is sent.
        onAuthenticationFailed: () => {
          chapterRefused = true;
          provider.detach();
          onChange();
        },
      });
      provider.attach();
      chapter = {
        provider,
        bridge,
        close: () => {
          unsubscribe();
          bridge.stop();
          provider.destroy();
          loaded.close();
        },
      };
    })().catch((error: unknown) => console.error('The chapter could not start syncing', error));
  };

  // Offline first: the chapter as the server last said; then what it says now (roles may have changed).
  if (isCommittee(account.person.roles) && account.chapter?.id) openChapter(account.chapter.id);
  // Asked each time the socket connects until the server has answered (never while offline: a
  // request that cannot leave the device is not made).
  let asked = false;
  const ask = () => {
    if (!askServer || asked || stopped) return;
    void fetchMe({ token: account.token, ...(account.serverOrigin ? { origin: account.serverOrigin } : {}) }).then(
      async (me) => {
        if (!me.ok || stopped || asked) return;
        asked = true;
        const roles = me.value.person.roles;
        const next = { ...account, person: { ...account.person, roles }, chapter: me.value.chapter };
        if (JSON.stringify(next) !== JSON.stringify(account)) await saveAccount(next);
        if (isCommittee(roles)) openChapter(me.value.chapter.id);
      },
    );
  };
  socket.on('connect', ask);

  return {
    pending: () => (chapter ? chapter.provider.unsyncedChanges + chapter.bridge.busy : 0),
    refused: () => chapterRefused,
    hoursDoc: () => hours.current(),
    async settled() {
      await chapterStarting;
      await chapter?.bridge.idle();
      await hours.saving();
    },
    async stop() {
      stopped = true;
      socket.off('connect', ask);
      await chapterStarting;
      await chapter?.bridge.idle();
      chapter?.close();
      hours.stop();
    },
  };
}

/**
 * The person's official hours, read-only: an in-memory document the server fills; each change
 * from the server is kept for My hours. A change from anywhere else is never kept nor trusted:
 * the document is dropped and opened afresh from the server's state.
 */
function hoursDoc(account: Account, database: ClmDatabase, socket: HocuspocusProviderWebsocket) {
  const personId = account.person.id;
  let doc: Y.Doc;
  let provider: HocuspocusProvider;
  let writes: Promise<void> = Promise.resolve();
  let stopped = false;
  const open = () => {
    doc = new Y.Doc();
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: hoursDocName(personId),
      document: doc,
      token: account.token,
      awareness: null,
      onSynced: () => keep(),
    });
    // Read-only: the provider never sends this document's updates (the server would refuse them).
    doc.off('update', provider.boundDocumentUpdateHandler);
    const current = { doc, provider };
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === current.provider) return keep();
      // Not from the server: never kept; the document starts again from the server's state.
      reset();
    });
    provider.attach();
  };
  const keep = () => {
    const official = doc.getMap(HOURS_MAP).get(OFFICIAL_KEY) as OfficialHours | undefined;
    if (!provider.isSynced && !official) return;
    writes = writes
      .then(() => saveOfficial(personId, official, database))
      .catch((e: unknown) => console.error('Official hours could not be kept', e));
  };
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  const reset = () => {
    if (stopped) return;
    queueMicrotask(() => {
      close();
      if (!stopped) open();
    });
  };
  open();
  return {
    /** The document (tests: a change made to it is discarded). */
    current: () => doc,
    saving: () => writes,
    stop() {
      stopped = true;
      close();
    },
  };
}
