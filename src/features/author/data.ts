// The Author page's repository: the draft (src/db/drafts.ts), new drafts from the templates the
// content:new CLI uses (content/templates/), a pack made from a clean draft, and publishing it
// to the chapter with the signed-in device's token.
import sessionTemplate from '../../../content/templates/session.md.tmpl?raw';
import questionsTemplate from '../../../content/templates/questions.md.tmpl?raw';
import base from 'virtual:clm/pack-base';
import { areasOf, fillTemplate, questionValues, sessionValues } from '../../content/scaffold';
import { makePack, packFileName, type Pack } from '../../content/pack';
import type { CheckedDraft } from '../../content/pack-check';
import { getAccount } from '../../db/account';
import { readDraft, saveDraft, type Draft } from '../../db/drafts';
import { serverOf, type ApiResult } from '../../sync/api';
import { mayPublishPacks } from '../../lib/publishers';
import { publishChapterPack } from '../../sync/packs-api';
import { localDay } from '../../lib/progress';

export { base as packBase, readDraft, saveDraft, type Draft };

/** A new draft from the templates: a session in the first area and one question to copy. */
export function newDraft(now = Date.now()): Draft {
  const area = areasOf(base.files)[0];
  if (!area) throw new Error('The built-in content has no areas.');
  const session = fillTemplate(sessionTemplate, sessionValues('my-session', area, [], localDay(now)));
  const questions = fillTemplate(questionsTemplate, questionValues('my-session', area));
  return { session, questions, version: 1, updatedAt: now };
}

export function packOf(
  draft: Draft,
  compiled: Pick<NonNullable<CheckedDraft['compiled']>, 'session' | 'questions'>,
  now = Date.now(),
): Pack {
  return makePack(draft, compiled, { version: draft.version, date: localDay(now) });
}

export { packFileName };

/** Who may publish from this device: undefined when not signed in, else whether the roles allow it. */
export async function publisher(): Promise<{ name: string; allowed: boolean } | undefined> {
  const account = await getAccount();
  if (!account) return undefined;
  return {
    name: account.person.name,
    allowed: mayPublishPacks(account.person.roles),
  };
}

export async function publish(pack: Pack): Promise<ApiResult<{ id: string; version: number }>> {
  const account = await getAccount();
  if (!account)
    return {
      ok: false,
      error: 'Sign in (Settings) to publish to your chapter.',
      offline: false,
      unauthorized: true,
      status: 0,
    };
  return publishChapterPack(serverOf(account), pack);
}
