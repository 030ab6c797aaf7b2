// The sync feature's repository: this device's account (kept in the app's database by
// src/db/account.ts), the sync engine's status and its start and stop (src/sync/index.ts, which
// loads yjs and the provider only once signed in), and the server's API bound to the account.
// Screens call the named operations here: sign in, sign out, revoke.
import { useStored } from '../../db/use-stored';
import { clearAccount, getAccount, removeLocalData, saveAccount, type Account } from '../../db/account';
import { writeFailureMessage } from '../../lib/write-error';
import { enrol, revokeDevice, serverOf, type ApiFailure } from '../../sync/api';
import { ensureSyncStarted, preloadSync, stopSync } from '../../sync/index';

export type { Account };
export type { SyncState, SyncStatus } from '../../sync/index';
export { useSyncStatus } from '../../sync/index';

/** The account of this device: undefined while it is read, null when signed out. */
export function useAccount(): Account | null | undefined {
  return useStored(async () => (await getAccount()) ?? null, [], null);
}

export { serverOf };

export type SignInResult = { ok: true; account: Account } | ApiFailure | { ok: false; stored: false; error: string };

/**
 * Signs this device in with a link's code: the server enrols it, the account is stored (checked),
 * and sync starts. Nothing is stored when the server refuses.
 */
export async function signIn(code: string, label: string): Promise<SignInResult> {
  const existing = await getAccount();
  if (existing) return { ok: true, account: existing };
  preloadSync();
  const result = await enrol(code, label);
  if (!result.ok) return result;
  const { token, person, device } = result.value;
  const account: Account = { token, person, device, signedInAt: Date.now() };
  try {
    await saveAccount(account);
  } catch (e) {
    return {
      ok: false,
      stored: false,
      error: `${writeFailureMessage(e, 'this device was not signed in')} The link is used up: ask for a new one.`,
    };
  }
  // Sync starts in the background; its status shows in Settings, and a failure to start is one of them.
  ensureSyncStarted().catch(() => undefined);
  return { ok: true, account };
}

/**
 * Signs this device out: sync stops, the server is told (so the token is refused from then on),
 * and the account is forgotten, with or without the data on this device. A server out of reach
 * does not keep the device signed in: it is said, so the person can revoke it from another one.
 */
export async function signOut(account: Account, removeData: boolean): Promise<{ serverTold: boolean }> {
  await stopSync();
  const told = await revokeDevice(serverOf(account), account.device.id);
  // A token the server already refuses is as signed out as can be.
  const serverTold = told.ok || told.unauthorized;
  if (removeData) await removeLocalData();
  else await clearAccount();
  return { serverTold };
}

/** After the server refused this device: forget the account, keep every answer on it. */
export async function forgetAccount(): Promise<void> {
  await stopSync();
  await clearAccount();
}

/** Starts sync again (after a sign-out that failed half-way); its status says how it goes. */
export function resumeSync(): void {
  ensureSyncStarted().catch(() => undefined);
}

export { revokeDevice };
