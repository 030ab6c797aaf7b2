// The packs section's repository: the packs held (read live from the content runtime), opening
// a pack file, removing one, asking the chapter for its packs now, and withdrawing a pack from
// the chapter (speakers and the committee).
import { useInstalled } from '../../content/installed';
import { getAccount } from '../../db/account';
import { useStored } from '../../db/use-stored';
import { receivePacksNow } from '../../sync/index';
import { withdrawChapterPack } from '../../sync/packs-api';

export { useInstalled, receivePacksNow };

export async function openPackFile(text: string) {
  const { installPackFile } = await import('../../content/pack-install');
  return installPackFile(text);
}

export async function removeHeldPack(id: string): Promise<boolean> {
  const { uninstallPack } = await import('../../content/pack-install');
  return uninstallPack(id);
}

/** Whether this device's person may publish and withdraw the chapter's packs (false when signed out). */
export function useMayPublish(): boolean {
  const may = useStored(
    async () => {
      const roles = (await getAccount())?.person.roles ?? [];
      return roles.some((r) => r === 'speaker' || r === 'committee' || r === 'admin');
    },
    [],
    false,
  );
  return may ?? false;
}

/**
 * Withdraws a pack from the chapter, then asks for the chapter's packs so this device drops it
 * too (its answers kept). Resolves to an error sentence, or undefined when it is done.
 */
export async function withdrawFromChapter(id: string): Promise<string | undefined> {
  const account = await getAccount();
  if (!account) return 'Sign in (above) to withdraw a pack from your chapter.';
  const server = account.serverOrigin
    ? { origin: account.serverOrigin, token: account.token }
    : { token: account.token };
  const r = await withdrawChapterPack(server, id);
  if (!r.ok) return r.error;
  const after = await receivePacksNow();
  if (after && !after.ok)
    return `Withdrawn from your chapter; this device will remove it at its next check (${after.error})`;
  return undefined;
}
