// The packs section's repository: the packs held (read live from the content runtime), opening
// a pack file, removing one, and asking the chapter for its packs now.
import { useInstalled } from '../../content/installed';
import { receivePacksNow } from '../../sync/index';

export { useInstalled, receivePacksNow };

export async function openPackFile(text: string) {
  const { installPackFile } = await import('../../content/pack-install');
  return installPackFile(text);
}

export async function removeHeldPack(id: string): Promise<boolean> {
  const { uninstallPack } = await import('../../content/pack-install');
  return uninstallPack(id);
}
