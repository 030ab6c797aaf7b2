// Documents behind @hocuspocus/extension-database (fetch/store), in SQLite (store.ts) or in
// PostgreSQL (postgres.ts, when DATABASE_URL is set): both offer DocumentStore.
//
// Hocuspocus 3 acknowledges an update (the SyncStatus message the provider counts its
// unsyncedChanges down with) right after applying it, before its debounced onStoreDocument
// runs: a crash in between would lose a change the device was told is saved. So this extension
// handles each incoming update in beforeHandleMessage, which Hocuspocus awaits before it
// applies and acknowledges the message: it checks the update decodes (a malformed one is
// refused there: never applied, never broadcast, never stored), applies it to the document and
// appends it to the document's update log (one small INSERT, synchronous: on disk before the
// acknowledgement can go; PostgreSQL: committed before it). Hocuspocus applying it again
// afterwards changes nothing.
// `fetch` reads the state plus the log; the debounced `store` writes the whole state and
// empties the log. Storing the whole state on every update instead would cost a full encode
// per answer (about 0.1 s for a person with 10,000 answers).
import { Database } from '@hocuspocus/extension-database';
import type {
  afterLoadDocumentPayload,
  beforeHandleMessagePayload,
  Document,
  onChangePayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Where documents live: each method may be synchronous (SQLite) or not (PostgreSQL). */
export interface DocumentStore {
  /** The state and every update appended since, as one Yjs update; null if never stored. */
  fetchDocument(name: string): Uint8Array | null | Promise<Uint8Array | null>;
  /** Appends one update durably: returns (or resolves) once it is on disk. */
  appendUpdate(name: string, update: Uint8Array): void | Promise<void>;
  /** Stores the whole state and drops the appended updates it holds. */
  storeDocument(name: string, state: Uint8Array): void | Promise<void>;
  pendingUpdates(name: string): number | Promise<number>;
}

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Thrown to refuse a message: Hocuspocus closes the document's connection with this code and reason. */
export class MessageRefused {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {}
}

/** The Yjs update a client message carries (sync step 2 or update), undefined for any other message. */
export function updateOf(message: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return undefined;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return undefined;
  return decoding.readVarUint8Array(decoder);
}

/** An update that carries nothing (no structs, no deletions): what an up-to-date client sends. */
const isEmpty = (update: Uint8Array) => update.length <= 2 && update.every((byte) => byte === 0);

interface Version {
  changes: number;
  stored: number;
}

export class StoredDocuments extends Database {
  extensionName = 'clm-documents';

  private readonly versions = new WeakMap<Document, Version>();

  constructor(
    private readonly documents: DocumentStore,
    private readonly log: (line: string) => void,
  ) {
    super({
      fetch: async ({ documentName }) => documents.fetchDocument(documentName),
      // Called with the state just encoded from the live document (same tick: no update slips in between).
      store: async ({ documentName, state }) => documents.storeDocument(documentName, state),
    });
  }

  async afterLoadDocument({ document }: afterLoadDocumentPayload): Promise<void> {
    const version: Version = { changes: 0, stored: 0 };
    this.versions.set(document, version);
    document.on('update', () => {
      version.changes += 1;
    });
  }

  async beforeHandleMessage(payload: beforeHandleMessagePayload): Promise<void> {
    const { connection, document, documentName, update: message } = payload;
    let update: Uint8Array | undefined;
    try {
      update = updateOf(message);
      if (update) Y.decodeUpdate(update);
    } catch (error) {
      this.log(`refused a malformed message for ${documentName} (socket ${payload.socketId}): ${String(error)}`);
      throw new MessageRefused(4400, 'malformed-message');
    }
    if (!update || connection.readOnly || isEmpty(update)) return;
    try {
      Y.applyUpdate(document, update, connection);
    } catch (error) {
      this.log(
        `refused an update that does not apply to ${documentName} (socket ${payload.socketId}): ${String(error)}`,
      );
      throw new MessageRefused(4400, 'malformed-update');
    }
    try {
      await this.documents.appendUpdate(documentName, update);
    } catch (error) {
      // Not stored, so not acknowledged: the connection closes and the device sends it again.
      this.log(`could not store an update of ${documentName}: ${String(error)}`);
      throw new MessageRefused(4503, 'storage-unavailable');
    }
  }

  // Called by Hocuspocus's debouncer, inside the document's saveMutex; skipped when nothing changed.
  async onStoreDocument(payload: onChangePayload): Promise<void> {
    const version = this.versions.get(payload.document);
    const at = version?.changes ?? 0;
    if (version && version.stored === at && (await this.documents.pendingUpdates(payload.documentName)) === 0) return;
    await super.onStoreDocument(payload);
    if (version) version.stored = Math.max(version.stored, at);
  }
}
