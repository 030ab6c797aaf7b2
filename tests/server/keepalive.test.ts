// The server's keep-alive: a provider that shares no awareness (as the chapter document is
// opened) hears from the server on every interval, so it is never taken for a dead connection.
import { afterAll, expect, it } from 'vitest';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { WebSocket } from 'ws';
import { chapterDocName } from '../../src/lib/chapter-doc.ts';
import { startTestServer, until, type TestServer } from './harness.ts';

let server: TestServer | undefined;
afterAll(() => server?.stop());

it('sends every connection of an open document a keep-alive, with no awareness and no change', async () => {
  server = await startTestServer({ keepAliveMs: 200 });
  const cy = await server.enrolPerson('cy@example.org', 'committee');
  const socket = new HocuspocusProviderWebsocket({
    url: server.wsUrl,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const heard: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: chapterDocName(server.store.chapterId()),
    token: cy.token,
    awareness: null,
    onStateless: ({ payload }) => heard.push(payload),
  });
  provider.attach();
  try {
    await until(() => provider.isSynced, 'the chapter document to sync');
    await until(() => heard.length >= 2, 'two keep-alives');
    expect(heard.every((p) => p === 'keep-alive')).toBe(true);
  } finally {
    provider.destroy();
    socket.destroy();
  }
});
