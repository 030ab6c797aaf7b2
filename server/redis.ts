// Several processes share documents through Redis (REDIS_URL): @hocuspocus/extension-redis
// relays each document's updates and awareness between the processes that have it open, and
// takes a lock so one process at a time stores a document. Each process still appends the
// updates its own clients send (persistence.ts) before acknowledging them.
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import RedisClient from 'ioredis';

export function createRedisExtension(url: string, log: (line: string) => void): RedisExtension {
  const parsed = new URL(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new Error(`REDIS_URL must start with redis:// or rediss://, not "${parsed.protocol}//".`);
  return new RedisExtension({
    prefix: 'clm',
    createClient: () => {
      const client = new RedisClient(url, { maxRetriesPerRequest: null });
      client.on('error', (error: Error) => log(`Redis connection error: ${error.message}`));
      return client;
    },
  });
}

/** Resolves once Redis answers, or fails with a clear message (a wrong REDIS_URL fails the start). */
export async function checkRedis(extension: RedisExtension, url: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      extension.pub.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        // Refused or unknown host: said at once, not after the timeout.
        extension.pub.once('error', reject);
      }),
    ]);
  } catch (error) {
    closeRedis(extension);
    throw new Error(`Could not reach Redis at REDIS_URL ${new URL(url).host}: ${String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Closes both connections at once (the extension's onDestroy waits on Redis answering a QUIT). */
export function closeRedis(extension: RedisExtension): void {
  extension.pub.disconnect(false);
  extension.sub.disconnect(false);
}
