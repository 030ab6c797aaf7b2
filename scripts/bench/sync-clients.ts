// The sync bench's clients: a Hocuspocus provider on its own WebSocket, as one tab of a device
// opens it, and propagation timing between pairs of them.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { answer, answersOf, sleep, until, type Answer, type Device, type Running } from './sync-fixtures.ts';

// ---- Clients: a provider on its own WebSocket, as one tab of a device opens it -------------

export interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  refusals: string[];
  /** Close codes of the socket, in order. */
  closes: number[];
  destroy(): void;
}

/** Every client not yet destroyed: destroyed when a measurement ends, however it ends. */
const live = new Set<Client>();

export function connect(wsUrl: string, device: Device, doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const refusals: string[] = [];
  const closes: number[] = [];
  socket.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: `user:${device.personId}`,
    token: device.token,
    document: doc,
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  provider.attach();
  const client: Client = {
    provider,
    doc,
    refusals,
    closes,
    destroy() {
      live.delete(client);
      provider.destroy();
      socket.destroy();
    },
  };
  live.add(client);
  return client;
}

/** Stops a measurement's server, destroying every client still open, however the measurement ended. */
export async function stopWithClients(server: Running) {
  for (const client of live) client.destroy(); // (each deletes itself: a Set allows that while iterating)
  await server.stop();
}

export const synced = (client: Client) => client.provider.isSynced && client.provider.unsyncedChanges === 0;
export const failIfRefused = (client: Client) => {
  if (client.refusals.length) throw new Error(`sync bench: the server refused a device: ${client.refusals[0]}`);
};

/**
 * Writes `count` answers, one every `gapMs`, each on the first device of a pair, and times
 * each until the pair's second device observes it. Resolves with the latencies (ms).
 */
export async function propagation(pairs: [Client, Client][], count: number, gapMs: number): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const observers = pairs.map(([, receiver]) => {
    const map = answersOf(receiver.doc);
    const observer = (event: Y.YMapEvent<Answer>) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const start = sentAt.get(key);
        if (start !== undefined) {
          latencies.push(now - start);
          sentAt.delete(key);
        }
      }
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  });
  for (let i = 0; i < count; i++) {
    const [sender] = pairs[i % pairs.length] ?? [];
    if (!sender) break;
    const record = answer();
    sentAt.set(record.uid, performance.now());
    answersOf(sender.doc).set(record.uid, record);
    await sleep(gapMs);
  }
  await until(() => latencies.length === count, `${count} answers to reach the other devices`, 15_000);
  for (const stop of observers) stop();
  return latencies;
}
