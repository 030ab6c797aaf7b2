// The sync endpoint: WebSockets on /sync handed to Hocuspocus. Each connection signs in per
// document with its device token (the provider's `token`), checked like every API call, and
// the document is opened only if canOpen() grants it. One device holds at most
// MAX_CONNECTIONS_PER_DEVICE sockets; a revoked device's sockets are closed at once (4401,
// "revoked"), whether it was revoked through the API or with the CLI (seen within a poll).
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';
import { canOpen } from './access.ts';
import {
  AUTH_TIMEOUT_MS,
  KEEP_ALIVE_MS,
  MAX_CONNECTIONS_PER_DEVICE,
  MAX_DOCUMENTS_PER_CONNECTION,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGES_BEFORE_AUTH,
} from './limits.ts';
import { StoredDocuments, type DocumentStore } from './persistence.ts';
import type { Store } from './store.ts';
import type { Tokens } from './tokens.ts';

export const SYNC_PATH = '/sync';

/** Close codes a device sees (CloseEvent.code) and what they mean. */
export const CLOSE = {
  unauthorized: 4401,
  tooMany: 4429,
  malformed: 4400,
  goingAway: 1001,
  /** The person's roles changed: the device reconnects and is let in by its new roles. */
  rolesChanged: 4409,
} as const;

interface Socket {
  ws: WebSocket;
  deviceId?: string;
  authenticated: boolean;
  /** Messages for documents not (yet) signed in on this socket: Hocuspocus queues them. */
  queued: number;
  documents: Set<string>;
  signedIn: Set<string>;
  timer: NodeJS.Timeout;
}

/** What onAuthenticate throws: Hocuspocus sends `reason` to the provider (authenticationFailed). */
class AuthRefused {
  constructor(readonly reason: string) {}
}

export interface SyncOptions {
  store: Store;
  tokens: Tokens;
  log: (line: string) => void;
  /** The chapter's id: its document `chapter:<id>` is the committee's (access.ts). */
  chapterId: string;
  /** Extensions after the document store (the hours projection). */
  extensions?: Extension[];
  /** How often revocations made by another process (the CLI) are looked for. */
  revocationPollMs?: number;
  /** Where documents live: the SQLite store unless DATABASE_URL says PostgreSQL. */
  documents?: DocumentStore;
  /** How often every open document's connections get a keep-alive (limits.ts). */
  keepAliveMs?: number;
}

export function createSync({
  store,
  tokens,
  log,
  chapterId,
  extensions = [],
  revocationPollMs = 2000,
  documents,
  keepAliveMs = KEEP_ALIVE_MS,
}: SyncOptions) {
  const byDevice = new Map<string, Set<Socket>>();
  const sockets = new Set<Socket>();

  const close = (socket: Socket, code: number, reason: string) => {
    if (socket.ws.readyState === socket.ws.OPEN || socket.ws.readyState === socket.ws.CONNECTING)
      socket.ws.close(code, reason);
  };
  // After Hocuspocus has sent its "permission denied" message, so the provider hears why first.
  const closeSoon = (socket: Socket, code: number, reason: string) =>
    setTimeout(() => close(socket, code, reason), 50).unref();

  async function onAuthenticate({ token, documentName, context, connectionConfig }: onAuthenticatePayload) {
    const socket = (context as { socket?: Socket }).socket;
    if (!socket) throw new AuthRefused('permission-denied');
    const checked = await tokens.check(token);
    if (!checked.ok) {
      log(`refused sync for ${documentName}: token ${checked.refusal}`);
      closeSoon(socket, CLOSE.unauthorized, checked.refusal);
      throw new AuthRefused(checked.refusal);
    }
    const access = canOpen(checked.claims, documentName, chapterId);
    if (!access) {
      log(`refused sync for ${documentName} to device ${checked.device.id}: not theirs`);
      throw new AuthRefused('forbidden');
    }
    if (socket.deviceId && socket.deviceId !== checked.device.id) throw new AuthRefused('one-device-per-connection');
    if (!socket.deviceId) {
      const open = byDevice.get(checked.device.id) ?? new Set<Socket>();
      if (open.size >= MAX_CONNECTIONS_PER_DEVICE) {
        log(`refused sync to device ${checked.device.id}: already ${open.size} connections`);
        closeSoon(socket, CLOSE.tooMany, 'too-many-connections');
        throw new AuthRefused('too-many-connections');
      }
      open.add(socket);
      byDevice.set(checked.device.id, open);
      socket.deviceId = checked.device.id;
    }
    socket.authenticated = true;
    socket.signedIn.add(documentName);
    clearTimeout(socket.timer);
    connectionConfig.readOnly = access === 'read';
    store.touchDevice(checked.device.id);
    return { claims: checked.claims };
  }

  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Every update a client sends is appended to the document's log before it is acknowledged
    // (see persistence.ts), so the debounced store only folds the log into the state: at most
    // a minute of updates waits in the log, and the last connection's close stores at once.
    debounce: 10_000,
    maxDebounce: 60_000,
    unloadImmediately: true,
    extensions: [new StoredDocuments(documents ?? store, log), ...extensions],
    onAuthenticate,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  function accept(ws: WebSocket, request: IncomingMessage) {
    const socket: Socket = {
      ws,
      authenticated: false,
      queued: 0,
      documents: new Set(),
      signedIn: new Set(),
      timer: setTimeout(() => {
        if (!socket.authenticated) close(socket, CLOSE.unauthorized, 'sign-in-timeout');
      }, AUTH_TIMEOUT_MS).unref(),
    };
    sockets.add(socket);
    ws.on('error', (error) => log(`sync socket error: ${error.message}`));
    ws.on('close', () => {
      clearTimeout(socket.timer);
      sockets.delete(socket);
      if (socket.deviceId) byDevice.get(socket.deviceId)?.delete(socket);
    });
    // Bounds what Hocuspocus queues for documents a socket has not signed in to (refused ones
    // included), and how many documents one socket opens.
    ws.on('message', (data: Buffer) => {
      let name: string;
      try {
        name = decoding.readVarString(decoding.createDecoder(data));
      } catch {
        return; // Hocuspocus refuses it (closes with 4401) and logs it.
      }
      if (!socket.signedIn.has(name) && ++socket.queued > MAX_MESSAGES_BEFORE_AUTH) {
        log('closed a sync socket that sent too many messages for documents it is not signed in to');
        return close(socket, CLOSE.tooMany, 'too-many-messages');
      }
      socket.documents.add(name);
      if (socket.documents.size > MAX_DOCUMENTS_PER_CONNECTION) {
        log('closed a sync socket that opened too many documents');
        close(socket, CLOSE.tooMany, 'too-many-documents');
      }
    });
    hocuspocus.handleConnection(ws, request, { socket });
  }

  function handleUpgrade(request: IncomingMessage, duplex: Duplex, head: Buffer) {
    wss.handleUpgrade(request, duplex, head, (ws) => accept(ws, request));
  }

  /** Closes a revoked device's sockets now. */
  function disconnectDevice(deviceId: string) {
    const open = byDevice.get(deviceId);
    if (!open?.size) return;
    log(`closing ${open.size} sync connection(s) of revoked device ${deviceId}`);
    for (const socket of open) close(socket, CLOSE.unauthorized, 'revoked');
  }

  /**
   * Closes the sockets of a person whose roles changed, so each device reconnects and opens only
   * what its new roles allow (a demoted committee phone stops writing the chapter document now,
   * not at its next reconnect).
   */
  function reconnectPerson(personId: string) {
    for (const device of store.devicesOf(personId)) {
      const open = byDevice.get(device.id);
      if (!open?.size) continue;
      log(`closing ${open.size} sync connection(s) of device ${device.id}: roles changed`);
      for (const socket of open) close(socket, CLOSE.rolesChanged, 'roles-changed');
    }
  }

  let checkedAt = Date.now();
  const poll = setInterval(() => {
    const now = Date.now();
    try {
      for (const id of store.revokedSince(checkedAt - 1000)) disconnectDevice(id);
    } catch (error) {
      log(`revocation poll failed: ${String(error)}`);
    }
    checkedAt = now;
  }, revocationPollMs);
  poll.unref();

  // Every connection hears from the server at least every KEEP_ALIVE_MS (see limits.ts).
  const keepAlive = setInterval(() => {
    for (const document of hocuspocus.documents.values())
      if (document.getConnectionsCount() > 0) document.broadcastStateless('keep-alive');
  }, keepAliveMs);
  keepAlive.unref();

  async function shutdown() {
    clearInterval(poll);
    clearInterval(keepAlive);
    for (const socket of sockets) close(socket, CLOSE.goingAway, 'server-shutdown');
    wss.close();
    // Changes made on the server itself that are still debounced.
    for (const name of hocuspocus.documents.keys()) hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`);
    await Promise.all(
      [...hocuspocus.documents.values()].map((document) => document.saveMutex.waitForUnlock().catch(() => undefined)),
    );
  }

  return {
    hocuspocus,
    handleUpgrade,
    disconnectDevice,
    reconnectPerson,
    shutdown,
    connectionsOf: (deviceId: string) => byDevice.get(deviceId)?.size ?? 0,
  };
}

export type Sync = ReturnType<typeof createSync>;
