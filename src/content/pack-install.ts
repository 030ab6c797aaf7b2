// Installing a session pack on this device, from a file or from the chapter: the pack is
// compiled again here with the build's compiler against the built-in content (never trusted
// as compiled), checked against the other packs held, then stored (src/db/packs.ts) and the
// screens told. Loaded only when a pack is opened, received or written: the compiler and the
// built-in areas' source are not part of any first screen.
import base from 'virtual:clm/pack-base';
import { checkPack, readPack, type PackResult } from './pack';
import { installPack, readPacks, removePack, type InstallResult } from '../db/packs';
import type { PackRecord } from '../db/db';
import { refreshInstalled } from './installed';

export type { PackResult };
export { base as packBase };

export type InstallOutcome =
  { ok: true; id: string; version: number; title: string; result: InstallResult } | { ok: false; problems: string[] };

/** Question ids the pack shares with another pack held here (a pack's ids are its own). */
function clashes(result: Extract<PackResult, { ok: true }>, held: PackRecord[]): string[] {
  const mine = new Set(result.compiled.questions.map((q) => q.id));
  return held
    .filter((p) => p.id !== result.pack.manifest.id)
    .flatMap((p) =>
      p.compiled.questions
        .filter((q) => mine.has(q.id))
        .map((q) => `The question id "${q.id}" is used by the pack "${p.compiled.session.title}": choose another.`),
    );
}

async function install(result: PackResult, from: PackRecord['from']): Promise<InstallOutcome> {
  if (!result.ok) return result;
  const clash = clashes(result, await readPacks());
  if (clash.length > 0) return { ok: false, problems: clash };
  const outcome = await installPack(result.pack, result.compiled, from);
  await refreshInstalled();
  const { id, version, title } = result.pack.manifest;
  if (typeof outcome === 'object')
    return { ok: false, problems: [`This device has version ${outcome.older} of "${title}", newer than ${version}.`] };
  return { ok: true, id, version, title, result: outcome };
}

/** A pack file the person opened: refused whole, with every problem named, or installed. */
export function installPackFile(text: string): Promise<InstallOutcome> {
  return install(readPack(text, base), 'file');
}

/** A pack the chapter server sent. */
export function installChapterPack(raw: unknown): Promise<InstallOutcome> {
  return install(checkPack(raw, base), 'chapter');
}

/** Removes a pack; its progress stays and comes back with it. */
export async function uninstallPack(id: string): Promise<boolean> {
  const removed = await removePack(id);
  await refreshInstalled();
  return removed;
}

export { readPacks };
