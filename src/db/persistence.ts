// The browser's storage for this site: whether it is persistent (kept when space runs low or
// after days without a visit), how much is used, and the one request to make it persistent.
export interface PersistenceStatus {
  /** undefined where the browser cannot tell. */
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

export async function persistenceStatus(): Promise<PersistenceStatus> {
  const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
  const [persisted, estimate] = await Promise.all([
    s?.persisted ? s.persisted().catch(() => undefined) : undefined,
    s?.estimate ? s.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

let asked: Promise<boolean | undefined> | undefined;

/** Asks once per page load for persistent storage (call it once progress is saved). */
export function askPersistence(): Promise<boolean | undefined> {
  const s = typeof navigator === 'undefined' ? undefined : navigator.storage;
  asked ??= (async () => {
    if (!s?.persist || !s.persisted) return undefined;
    if (await s.persisted()) return true;
    return s.persist();
  })().catch(() => undefined);
  return asked;
}
