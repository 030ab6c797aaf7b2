// The sync engine, loaded only after sign-in (src/sync/index.ts imports it dynamically): it
// opens the person's Yjs document `user:<personId>` kept in the app's own database (y-dexie),
// connects it to the server's /sync endpoint with the device token (Hocuspocus), and bridges
// it with the tables the screens read (bridge.ts). Status: syncing, synced, offline, refused.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Account } from '../db/account';
import { db as appDb, onLocalChange, type ClmDatabase } from '../db/db';
import { openSyncDoc } from '../db/sync-doc';
import { localStore } from '../db/sync-local';
import { Bridge } from './bridge';
import { startChapterDocs, type ChapterDocs } from './chapter-sync';
import type { SyncStatus } from './status';

export const REFUSED_MESSAGE =
  'This device was signed out on the server. Your data on this device is kept; sign in again to sync.';

export const OTHER_PERSON_MESSAGE =
  "This device holds another person's study data. Sign out and remove this device's data before signing in as someone else.";

/** The close code the server uses for a revoked device (sync.md). */
const REVOKED_CLOSE = 4401;

/** With no server in reach, the tables' rows go into the document after this long anyway. */
const OFFLINE_PUSH_MS = 10_000;

export interface SyncHandle {
  subscribe(listener: () => void): () => void;
  status(): SyncStatus;
  /** Resolves when every change so far has been applied both ways locally (tests). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export interface SyncOptions {
  /** The database (tests run two devices in one process); the app's own by default. */
  database?: ClmDatabase;
  /** The WebSocket endpoint; by default /sync on the app's origin (or the account's server). */
  url?: string;
  /** Node has no global WebSocket: tests pass `ws`. */
  WebSocketPolyfill?: unknown;
  /** Whether to ask the server's /api/me for the chapter (tests without the HTTP API pass false). */
  askServer?: boolean;
}

export function syncUrl(account: Account): string {
  const origin = account.serverOrigin ?? location.origin;
  return `${origin.replace(/^http/, 'ws')}/sync`;
}

export function startSync(account: Account, options: SyncOptions = {}): SyncHandle {
  const database = options.database ?? appDb;
  const listeners = new Set<() => void>();
  let current: SyncStatus = { state: 'syncing', pending: 0 };
  /** The WebSocket: connecting (first try or a retry), connected, or down. */
  let link: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  let everDown = false;
  /** Why the server (or this device) will not sync, once it will not. */
  let refusal: string | undefined;
  let stopped = false;
  let bridge: Bridge | undefined;
  let provider: HocuspocusProvider | undefined;
  let socket: HocuspocusProviderWebsocket | undefined;
  let closeDoc: (() => void) | undefined;
  let chapterDocs: ChapterDocs | undefined;
  let started: Promise<void> = Promise.resolve();
  let stopTimers: () => void = () => undefined;
  let stopSending: () => void = () => undefined;

  const update = () => {
    const pending = (provider?.unsyncedChanges ?? 0) + (bridge?.busy ?? 0) + (chapterDocs?.pending() ?? 0);
    const { lastSyncedAt } = current;
    let next: SyncStatus;
    if (refusal) next = { state: 'refused', pending, message: refusal };
    else if (link === 'connected' && provider?.isSynced && pending === 0)
      next = { state: 'synced', pending, lastSyncedAt: Date.now() };
    else if (link === 'connected' || (link === 'connecting' && !everDown)) next = { state: 'syncing', pending };
    else next = { state: 'offline', pending };
    if (next.lastSyncedAt === undefined && lastSyncedAt !== undefined) next.lastSyncedAt = lastSyncedAt;
    if (next.state === current.state && next.pending === current.pending && next.state !== 'synced') return;
    current = next;
    for (const l of listeners) l();
  };

  const refuse = (message = REFUSED_MESSAGE) => {
    refusal = message;
    socket?.disconnect();
    update();
  };

  started = (async () => {
    const docName = `user:${account.person.id}`;
    const loaded = await openSyncDoc(database.name, docName);
    closeDoc = loaded.close;
    if (stopped) return loaded.close();
    // Another person's records are in these tables: syncing would send them into this
    // person's document. Nothing is sent; the person is told what to do.
    // (The chapter's documents are the chapter's, not a person's: they do not count.)
    if (loaded.others.some((id) => id.startsWith('user:'))) return refuse(OTHER_PERSON_MESSAGE);
    bridge = new Bridge(loaded.doc, localStore(database));
    bridge.onIdle = update;
    const unsubscribe = onLocalChange((change) => {
      bridge?.localChange(change);
      update();
    });
    const previousClose = closeDoc;
    closeDoc = () => {
      unsubscribe();
      previousClose();
    };
    // The document's content reaches the tables at once; the tables' rows go into the document
    // once the first handshake is done, so they travel as updates of bounded size rather than
    // in one sync message (and at once if the server stays out of reach: they wait in the doc).
    bridge.pullAll();
    let pushed = false;
    const pushAll = () => {
      if (pushed || !bridge) return;
      pushed = true;
      bridge.pushAll();
    };
    const fallback = setTimeout(pushAll, OFFLINE_PUSH_MS);
    stopTimers = () => clearTimeout(fallback);
    socket = new HocuspocusProviderWebsocket({
      url: options.url ?? syncUrl(account),
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    });
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: docName,
      document: loaded.doc,
      token: account.token,
      // No presence (cursors) in a study app: no awareness messages at all.
      awareness: null,
      onSynced: () => {
        pushAll();
        update();
      },
      onUnsyncedChanges: update,
      onAuthenticationFailed: () => refuse(),
      onStatus: ({ status }) => {
        link = status;
        if (status === 'disconnected') everDown = true;
        update();
      },
      onClose: ({ event }) => {
        link = 'disconnected';
        everDown = true;
        // The socket closed with 4401, or the document closed by the server with reason "revoked".
        if (event.code === REVOKED_CLOSE || event.reason === 'revoked') return refuse();
        // The server closed the document but not the socket (it is shutting down): close the
        // socket too, so the provider reconnects (with its backoff) instead of waiting, idle.
        if (socket?.status === 'connected' && !refusal) socket.webSocket?.close();
        update();
      },
    });
    // The provider encodes every document transaction as a version-1 update only to send the
    // ones that are not its own; y-dexie encodes each as version 2. The first sync of a long
    // history (2 MiB for 10,000 answers) would be encoded twice: the provider's handler is fed
    // from y-dexie's encoding instead, converted only for changes that are sent.
    const sent = provider;
    const sendLocal = (change: Uint8Array, origin: unknown) => {
      if (origin !== sent) sent.documentUpdateHandler(Y.convertUpdateFormatV2ToV1(change), origin);
    };
    loaded.doc.off('update', sent.boundDocumentUpdateHandler);
    loaded.doc.on('updateV2', sendLocal);
    stopSending = () => loaded.doc.off('updateV2', sendLocal);
    provider.attach();
    // The official hours (everyone) and the chapter document (committee), on the same socket.
    chapterDocs = startChapterDocs({
      account,
      database,
      socket,
      onChange: update,
      ...(options.askServer === undefined ? {} : { askServer: options.askServer }),
    });
    update();
  })().catch((error: unknown) => {
    console.error('Sync could not start', error);
    current = { state: 'offline', pending: 0, message: 'Sync could not start on this device.' };
    for (const l of listeners) l();
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    status: () => current,
    async settled() {
      await started;
      await bridge?.idle();
      await chapterDocs?.settled();
    },
    async stop() {
      stopped = true;
      await started;
      await bridge?.idle();
      stopTimers();
      bridge?.stop();
      stopSending();
      await chapterDocs?.stop();
      provider?.destroy();
      socket?.destroy();
      closeDoc?.();
      listeners.clear();
    },
  };
}
