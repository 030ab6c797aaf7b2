// The packs section's repository: the packs held (read live from the content runtime), opening
// a pack file, removing one, asking the chapter for its packs now, and withdrawing a pack from
// the chapter (speakers and the committee).
import { useInstalled } from '../../content/installed';
import { getAccount } from '../../db/account';
import { useStored } from '../../db/use-stored';
import { receivePacksNow } from '../../sync/index';
import { withdrawChapterPack } from '../../sync/packs-api';
import { serverOf } from '../../sync/api';
import { mayPublishPacks } from '../../lib/publishers';

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
      return mayPublishPacks((await getAccount())?.person.roles ?? []);
    },
    [],
    false,
  );
  return may ?? false;
}

/**
 * Withdraws a pack from the chapter, then asks for the chapter's packs so this device drops it
 * too (its answers kept). Resolves to what to tell the person.
 */
export async function withdrawFromChapter(id: string, title: string): Promise<{ error: boolean; text: string }> {
  const account = await getAccount();
  if (!account) return { error: true, text: 'Sign in (above) to withdraw a pack from your chapter.' };
  const r = await withdrawChapterPack(serverOf(account), id);
  if (!r.ok) return { error: true, text: r.error };
  const done = `Withdrew "${title}" from your chapter. Answers to its questions are kept.`;
  const after = await receivePacksNow();
  // Withdrawn all the same: this device drops it at its next check.
  return { error: false, text: after && !after.ok ? `${done} This device removes it at its next check.` : done };
}
