// Documents in SQLite behind @hocuspocus/extension-database (fetch/store), so another store
// (PostgreSQL) can take its place behind the same extension.
//
// Hocuspocus 3 acknowledges an update (the SyncStatus message the provider counts down its
// unsyncedChanges with) right after applying it, before its debounced onStoreDocument runs. So
// that an acknowledged change is always stored, this extension applies each incoming update
// itself in beforeHandleMessage (which Hocuspocus awaits before it applies and acknowledges the
// message) and stores the document's state before letting it through. Applying it again after
// that changes nothing. A malformed update is refused there: it is never applied, never
// broadcast and never stored. The debounced onStoreDocument still runs for changes that did
// not come through a connection, and is skipped when nothing changed since the last store.
import { Database } from '@hocuspocus/extension-database';
import type {
  afterLoadDocumentPayload,
  beforeHandleMessagePayload,
  Document,
  onChangePayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { Store } from './store.ts';

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

interface Version {
  changes: number;
  stored: number;
}

export class SqliteDocuments extends Database {
  extensionName = 'clm-sqlite-documents';

  private readonly versions = new WeakMap<Document, Version>();

  constructor(
    store: Store,
    private readonly log: (line: string) => void,
  ) {
    super({
      fetch: async ({ documentName }) => store.fetchDocument(documentName),
      store: async ({ documentName, state }) => store.storeDocument(documentName, state),
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
    if (!update || connection.readOnly) return;
    try {
      Y.applyUpdate(document, update, connection);
    } catch (error) {
      this.log(
        `refused an update that does not apply to ${documentName} (socket ${payload.socketId}): ${String(error)}`,
      );
      throw new MessageRefused(4400, 'malformed-update');
    }
    await this.storeNow({ ...payload, transactionOrigin: connection });
  }

  /** Stores the document now, in turn with any other store of it (so stored states only grow). */
  private async storeNow(payload: onChangePayload): Promise<void> {
    const { document } = payload;
    const version = this.versions.get(document);
    await document.saveMutex.runExclusive(async () => {
      const at = version?.changes ?? 0;
      if (version && version.stored === at) return;
      await super.onStoreDocument(payload);
      if (version) version.stored = Math.max(version.stored, at);
    });
  }

  // Called by Hocuspocus's debouncer inside the document's saveMutex.
  async onStoreDocument(payload: onChangePayload): Promise<void> {
    const version = this.versions.get(payload.document);
    const at = version?.changes ?? 0;
    if (version && version.stored === at) return;
    await super.onStoreDocument(payload);
    if (version) version.stored = Math.max(version.stored, at);
  }
}
