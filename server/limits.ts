// Every limit of the chapter server, in one place (documented in docs/SERVER.md).

/**
 * The largest WebSocket message the server reads (ws `maxPayload`); a larger one closes the
 * socket with 1009. A device that reconnects sends everything the server lacks as one message
 * (Yjs' sync step 2): 10,000 answers are about 2.1 MB, so 16 MB carries a history of some
 * 75,000 answers made offline in one go.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Open sync connections (WebSockets) one device token may hold at once; the next one is refused. */
export const MAX_CONNECTIONS_PER_DEVICE = 10;

/** A WebSocket that has not signed in to any document by then is closed. */
export const AUTH_TIMEOUT_MS = 15_000;

/** Messages a WebSocket may send for documents it is not signed in to, refused ones included (Hocuspocus queues them). */
export const MAX_MESSAGES_BEFORE_AUTH = 64;

/**
 * How often the server sends every open document's connections a small stateless message
 * ("keep-alive"). A provider reconnects after 30 s without hearing anything; awareness (the
 * provider's default) keeps a socket alive by itself, but it costs every device's update sent
 * to every other device: a chapter document opened without awareness by 200 phones stays
 * connected on these instead.
 */
export const KEEP_ALIVE_MS = 10_000;

/** Documents one WebSocket may open (a device needs its own and, later, its chapter's). */
export const MAX_DOCUMENTS_PER_CONNECTION = 8;

/** The largest JSON body the API reads. */
export const MAX_JSON_BYTES = 16 * 1024;

/** How long a device token is valid. */
export const TOKEN_DAYS = 365;

/** How long an invite link is valid. */
export const INVITE_DAYS = 7;

/** How long a link that adds a device of the same person is valid. */
export const DEVICE_LINK_MINUTES = 15;

export const DAY_MS = 24 * 60 * 60 * 1000;
