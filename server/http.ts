// The API's plumbing: a refusal with its status and sentence, JSON answers, JSON bodies read
// within a limit. Shared by the API's route modules (api.ts, packs-api.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_JSON_BYTES } from './limits.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body?: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export async function readJson(
  req: IncomingMessage,
  limit = MAX_JSON_BYTES,
  tooLarge = 'The request is too large.',
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // A body up to 4 times the limit is read to its end and dropped, so the refusal reaches a
    // client still sending (stopping would reset the connection under it); a larger one is cut.
    if (size > 4 * limit) throw new HttpError(413, tooLarge);
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw new HttpError(413, tooLarge);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
