// Sync on /sync: real Hocuspocus providers in Node against a real server. A person's document
// is theirs alone; bad, expired and revoked tokens are refused (a revoked device at once);
// one device holds at most 10 connections; malformed and oversized messages are refused
// without crashing the server or reaching another client.
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MAX_CONNECTIONS_PER_DEVICE, MAX_MESSAGE_BYTES, MAX_MESSAGES_BEFORE_AUTH } from '../../server/limits.ts';
import { connect, settled, startTestServer, until, type Client, type Enrolled, type TestServer } from './harness.ts';

let server: TestServer;
let ann: Enrolled;
let annPhone: Enrolled;
let bo: Enrolled;
const clients: Client[] = [];
const open = (name: string, token: string, doc?: Y.Doc) => {
  const client = connect(server.wsUrl, name, token, doc);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  server = await startTestServer();
  ann = await server.enrolPerson('ann.member@example.org', 'member', 'Laptop');
  const link = await fetch(`http://127.0.0.1:${server.port}/api/link`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ann.token}` },
  });
  const code = new URL((await link.json()).url).hash.slice('#code='.length);
  annPhone = (await (
    await fetch(`http://127.0.0.1:${server.port}/api/enrol`, {
      method: 'POST',
      body: JSON.stringify({ code, label: 'Phone' }),
    })
  ).json()) as Enrolled;
  bo = await server.enrolPerson('bo@example.org');
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(() => server.stop());

const answers = (doc: Y.Doc) => doc.getMap<{ questionId: string }>('answers');

/** A raw socket that speaks the Hocuspocus protocol by hand, to send what no provider would. */
async function rawSocket(): Promise<{
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  received: Buffer[];
}> {
  const ws = new WebSocket(server.wsUrl);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, closed, received };
}
function message(documentName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const authMessage = (name: string, token: string) =>
  message(name, (e) => {
    encoding.writeVarUint(e, 2); // Auth
    encoding.writeVarUint(e, 0); // Token
    encoding.writeVarString(e, token);
  });
const updateMessage = (name: string, update: Uint8Array) =>
  message(name, (e) => {
    encoding.writeVarUint(e, 0); // Sync
    encoding.writeVarUint(e, 2); // Update
    encoding.writeVarUint8Array(e, update);
  });

/** The server still answers: a fresh provider of Ann's syncs her answers. */
async function serverStillServes(expected: number) {
  const check = open(`user:${ann.person.id}`, ann.token);
  await settled(check, 'a fresh client to sync after the bad message');
  expect(answers(check.doc).size).toBe(expected);
  expect(
    (await fetch(`http://127.0.0.1:${server.port}/api/me`, { headers: { Authorization: `Bearer ${ann.token}` } }))
      .status,
  ).toBe(200);
}

describe("a person's document", () => {
  it("syncs between that person's two devices", async () => {
    const laptop = open(`user:${ann.person.id}`, ann.token);
    const phone = open(`user:${ann.person.id}`, annPhone.token);
    await settled(laptop);
    await settled(phone);
    answers(laptop.doc).set('a1', { questionId: 'q1' });
    await until(() => answers(phone.doc).has('a1'), 'the answer to reach the phone');
    expect(answers(phone.doc).get('a1')).toEqual({ questionId: 'q1' });
    await settled(laptop, 'the laptop to have its answer acknowledged');
    expect(laptop.refusals).toEqual([]);
    // Acknowledged means on disk already (the update log); when the last device leaves, the
    // whole state is stored and the log folded into it.
    const name = `user:${ann.person.id}`;
    expect(server.store.pendingUpdates(name)).toBeGreaterThan(0);
    laptop.destroy();
    phone.destroy();
    await until(() => server.store.pendingUpdates(name) === 0, 'the document to be stored on the last close');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, server.store.fetchDocument(name) ?? new Uint8Array());
    expect(answers(stored).get('a1')).toEqual({ questionId: 'q1' });
  });

  it("is refused to another person's token, and nothing of it reaches them", async () => {
    const stranger = open(`user:${ann.person.id}`, bo.token);
    await until(() => stranger.refusals.length > 0, 'the refusal');
    expect(stranger.refusals[0]).toBe('forbidden');
    expect(stranger.provider.isSynced).toBe(false);
    expect(answers(stranger.doc).size).toBe(0);
    // A name that is not a person's document is refused too.
    const odd = open('chapter:x', bo.token);
    await until(() => odd.refusals.length > 0, 'the refusal of chapter:x');
    expect(odd.refusals[0]).toBe('forbidden');
    expect(
      server.logs.some((l) => l.includes(`refused sync for user:${ann.person.id} to device ${bo.device.id}`)),
    ).toBe(true);
  });

  it('is refused to a forged or expired token, with the socket closed 4401 and the reason', async () => {
    const forged = open(`user:${ann.person.id}`, `${ann.token.slice(0, -4)}AAAA`);
    await until(() => forged.refusals.length > 0 && forged.closes.length > 0, 'the refusal and the close');
    expect(forged.refusals[0]).toBe('invalid');
    expect(forged.closes[0]).toEqual({ code: 4401, reason: 'invalid' });
    expect(answers(forged.doc).size).toBe(0);
  });
});

describe('revoking a device', () => {
  it('disconnects it at once with 4401 "revoked" and refuses it afterwards; the other device stays', async () => {
    const carol = await server.enrolPerson('carol@example.org', 'member', 'Laptop');
    const phoneLink = await fetch(`http://127.0.0.1:${server.port}/api/link`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${carol.token}` },
    });
    const code = new URL((await phoneLink.json()).url).hash.slice('#code='.length);
    const phone = (await (
      await fetch(`http://127.0.0.1:${server.port}/api/enrol`, {
        method: 'POST',
        body: JSON.stringify({ code, label: 'Phone' }),
      })
    ).json()) as Enrolled;
    const doc = `user:${carol.person.id}`;
    const laptopClient = open(doc, carol.token);
    const phoneClient = open(doc, phone.token);
    await settled(laptopClient);
    await settled(phoneClient);

    const revokedAt = Date.now();
    const response = await fetch(`http://127.0.0.1:${server.port}/api/devices/${phone.device.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${carol.token}` },
    });
    expect(response.status).toBe(204);
    await until(() => phoneClient.closes.length > 0, 'the phone to be disconnected', 1000);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect(phoneClient.closes[0]).toEqual({ code: 4401, reason: 'revoked' });
    // It reconnects by itself, and is refused, saying why.
    await until(() => phoneClient.refusals.includes('revoked'), 'the phone to be refused as revoked');
    // A change made on the phone now goes nowhere; the laptop keeps syncing.
    answers(phoneClient.doc).set('from-revoked', { questionId: 'q9' });
    answers(laptopClient.doc).set('from-laptop', { questionId: 'q8' });
    await settled(laptopClient, 'the laptop to keep syncing');
    const fresh = open(doc, carol.token);
    await settled(fresh);
    expect([...answers(fresh.doc).keys()]).toEqual(['from-laptop']);
  });

  it('with the CLI (another process writing the database) disconnects it within the poll', async () => {
    const dan = await server.enrolPerson('dan@example.org');
    const client = open(`user:${dan.person.id}`, dan.token);
    await settled(client);
    // What `npm run server -- revoke <id>` does, from outside the server's request handling.
    expect(server.store.revokeDevice(dan.device.id)).toBe(true);
    await until(() => client.closes.length > 0, 'the CLI-revoked device to be disconnected', 3500);
    expect(client.closes[0]).toEqual({ code: 4401, reason: 'revoked' });
  });
});

describe('limits', () => {
  it(`refuses the ${MAX_CONNECTIONS_PER_DEVICE + 1}th connection of one device, and takes one again when another closes`, async () => {
    const eli = await server.enrolPerson('eli@example.org');
    const doc = `user:${eli.person.id}`;
    const ten = Array.from({ length: MAX_CONNECTIONS_PER_DEVICE }, () => open(doc, eli.token));
    for (const client of ten) await settled(client, 'each of the first ten connections');
    const eleventh = open(doc, eli.token);
    await until(() => eleventh.refusals.length > 0 && eleventh.closes.length > 0, 'the 11th to be refused');
    expect(eleventh.refusals[0]).toBe('too-many-connections');
    expect(eleventh.closes[0]).toEqual({ code: 4429, reason: 'too-many-connections' });
    eleventh.destroy();
    ten[0]?.destroy();
    const again = open(doc, eli.token);
    await settled(again, 'a connection after one of the ten closed');
  });

  it('closes a socket that keeps sending to a document it was refused (Hocuspocus would queue it all)', async () => {
    const { ws, received, closed } = await rawSocket();
    const name = `user:${ann.person.id}`;
    ws.send(authMessage(name, bo.token));
    await until(() => received.length > 0, 'the refusal');
    const update = Y.encodeStateAsUpdate(new Y.Doc());
    for (let n = 0; n <= MAX_MESSAGES_BEFORE_AUTH; n++) ws.send(updateMessage(name, update));
    expect(await closed).toEqual({ code: 4429, reason: 'too-many-messages' });
  });

  it('refuses a malformed update: the server keeps running and no other client gets it', async () => {
    const name = `user:${ann.person.id}`;
    const phone = open(name, annPhone.token);
    await settled(phone);
    const before = answers(phone.doc).size;
    const seen: Uint8Array[] = [];
    phone.doc.on('update', (update: Uint8Array) => seen.push(update));

    const { ws, received } = await rawSocket();
    ws.send(authMessage(name, ann.token));
    await until(() => received.length > 0, 'the raw socket to be signed in');
    // A real update of a new answer, cut in half.
    const scratch = new Y.Doc();
    answers(scratch).set('evil', { questionId: 'q-evil' });
    const whole = Y.encodeStateAsUpdate(scratch);
    ws.send(updateMessage(name, whole.slice(0, Math.floor(whole.length / 2))));
    // And bytes that are no Hocuspocus message at all, on another socket.
    const junk = await rawSocket();
    junk.ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect((await junk.closed).code).toBe(4401);

    await until(() => server.logs.some((l) => l.includes('refused a malformed message')), 'the refusal to be logged');
    await serverStillServes(before);
    expect(seen).toEqual([]);
    expect(answers(phone.doc).has('evil')).toBe(false);
    ws.close();
  });

  it(`closes a socket that sends a message over ${MAX_MESSAGE_BYTES / 1024 / 1024} MB with 1009; nothing reaches other clients`, async () => {
    const name = `user:${ann.person.id}`;
    const phone = open(name, annPhone.token);
    await settled(phone);
    const before = answers(phone.doc).size;
    const seen: Uint8Array[] = [];
    phone.doc.on('update', (update: Uint8Array) => seen.push(update));

    const { ws, received, closed } = await rawSocket();
    ws.send(authMessage(name, ann.token));
    await until(() => received.length > 0, 'the raw socket to be signed in');
    const big = new Y.Doc();
    answers(big).set('huge', { questionId: 'x'.repeat(MAX_MESSAGE_BYTES + 1000) });
    ws.send(updateMessage(name, Y.encodeStateAsUpdate(big)));
    expect((await closed).code).toBe(1009);
    await serverStillServes(before);
    expect(seen).toEqual([]);
  });
});
