// Issue 13's proof, two browser profiles on the project's own server: a speaker (laptop)
// writes a session pack on the Author page, meets a problem at its line, fixes it and
// publishes; a member (phone) receives the pack, reads the session offline and answers its
// questions; the speaker publishes version 2 (one question changed, one removed) and the
// member keeps the progress on the questions that stayed; the speaker withdraws it and the
// member's app removes it, answers kept. The member can neither publish nor withdraw.
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Store, type Role } from '../../server/store';
import { axeViolations, openContext, setupBrowser, waitForServiceWorker } from './browser';
import { PACK_QUESTIONS, PACK_SESSION, packQuestions } from '../fixtures/pack';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
const browser = setupBrowser();

function invite(role: Role, email: string, name: string): string {
  const store = new Store(dataDir);
  try {
    if (!store.chapterName()) store.init({ chapter: 'Test Chapter', name: 'Ada Admin', email: 'admin@example.org' });
    return `/join#code=${store.createInvite({ role, email, name }).code}`;
  } finally {
    store.close();
  }
}

async function signIn(page: Page, link: string, label: string): Promise<void> {
  await page.goto(link);
  await page.getByRole('textbox', { name: 'Name of this device' }).fill(label);
  await page.getByRole('button', { name: 'Sign in on this device' }).click();
  await page
    .getByRole('region', { name: 'Sync across your devices' })
    .getByText('Synced', { exact: true })
    .waitFor({ timeout: 20_000 });
}

/** Replaces the whole text of one of the Author page's editors. */
async function write(page: Page, file: 'Session file' | 'Question file', text: string): Promise<void> {
  await page.getByRole('tab', { name: file }).click();
  const editor = page.getByRole('textbox', { name: `${file} (Markdown)` });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

const noProblems = (page: Page) =>
  page.getByText('No problems: this pack can be exported and published.').waitFor({ timeout: 20_000 });

/** The member's stored progress: question ids with a summary, and how many answers are kept. */
const stored = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ progress: string[]; answers: number }>((resolve, reject) => {
        const open = indexedDB.open('clm-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['progress', 'answers']);
          const keys = tx.objectStore('progress').getAllKeys();
          const count = tx.objectStore('answers').count();
          tx.oncomplete = () => {
            resolve({ progress: (keys.result as string[]).sort(), answers: count.result });
            open.result.close();
          };
        };
      }),
  );

it('a speaker authors and publishes a pack; a member studies it offline and keeps progress across versions', async () => {
  const speaker = await openContext(browser(), baseURL, { width: 1280, height: 800 });
  const member = await openContext(browser(), baseURL, { width: 360, height: 740 });
  try {
    await signIn(speaker.page, invite('speaker', 'dana@example.org', 'Dana Reyes'), 'Dana laptop');
    await signIn(member.page, invite('member', 'mia@example.org', 'Mia Member'), 'Mia phone');

    // The speaker writes the session and a question file with a problem, found at its line.
    const { page } = speaker;
    await page.goto('/author');
    await write(page, 'Session file', PACK_SESSION);
    await write(page, 'Question file', PACK_QUESTIONS.replace('- [x] The bank', '- [ ] The bank'));
    const problem = page.getByRole('button', { name: 'Question file, line 10, column 1' });
    await problem.waitFor({ timeout: 20_000 });
    await problem.click();
    await expect.poll(() => page.locator('.cm-activeLine').innerText()).toContain('- [ ] The bank statement');
    await write(page, 'Question file', PACK_QUESTIONS);
    await noProblems(page);
    expect(await axeViolations(page)).toEqual([]);
    // The draft was saved with every change: a reload shows it.
    await page.reload();
    await page.getByRole('tab', { name: 'Question file' }).click();
    await page.getByText('## trc-three-records').waitFor();
    await noProblems(page);
    await page.getByRole('button', { name: 'Publish to my chapter' }).click();
    await page.getByText('Published version 1 to your chapter.').waitFor({ timeout: 20_000 });

    // The member receives it, reads it offline and answers its three questions.
    const m = member.page;
    await m.goto('/settings');
    await m.getByRole('button', { name: 'Check for chapter packs' }).click();
    await m.getByText(/received Trust reconciliation clinic v1|up to date/).waitFor({ timeout: 20_000 });
    await waitForServiceWorker(m);
    await member.context.setOffline(true);
    await m.goto('/sessions');
    await m.getByRole('link', { name: 'Trust reconciliation clinic' }).click();
    await m.getByRole('heading', { name: 'Why reconcile three ways' }).waitFor();
    await m.getByText('Trust reconciliation clinic (pack v1)').waitFor();
    await m.getByRole('link', { name: "Practise this session's 3 questions" }).click();
    for (let n = 1; n <= 3; n++) {
      await m.getByRole('heading', { level: 2, name: new RegExp(`^Question ${n} of 3`) }).waitFor();
      await m.locator('.option label', { hasText: 'the trust journal and the total of the client ledgers' }).click();
      await m.getByRole('button', { name: 'Check answer' }).click();
      await m.locator('.verdict').waitFor();
      await m.getByRole('button', { name: /^(Next question|Finish round)$/ }).click();
    }
    const ids = ['trc-monthly-records', 'trc-three-records', 'trc-what-agrees'];
    await expect.poll(async () => (await stored(m)).progress).toEqual(ids);
    await member.context.setOffline(false);

    // Version 2: one question changed, one removed.
    await write(
      page,
      'Question file',
      packQuestions([
        ['trc-three-records', 'Which three records does a three-way trust reconciliation compare?'],
        ['trc-monthly-records', 'Each month, which records must agree in a trust reconciliation?'],
      ]),
    );
    await page.getByRole('spinbutton', { name: 'Version' }).fill('2');
    await noProblems(page);
    await page.getByRole('button', { name: 'Publish to my chapter' }).click();
    await page.getByText('Published version 2 to your chapter.').waitFor({ timeout: 20_000 });

    await m.goto('/settings');
    await m.getByRole('button', { name: 'Check for chapter packs' }).click();
    // (Or it came by itself: a connected device asks the chapter at most once a minute.)
    await m.getByText(/received Trust reconciliation clinic v2|up to date/).waitFor({ timeout: 20_000 });
    await m.getByText('Trust reconciliation clinic · version 2').waitFor();
    await m.goto('/sessions/trust-reconciliation-clinic');
    await m.getByRole('link', { name: "Practise this session's 2 questions" }).waitFor();
    // The answers stay: progress on the two questions that remain, the removed one's kept aside.
    expect(await stored(m)).toEqual({ progress: ids, answers: 3 });

    // The speaker withdraws the pack from Settings; the member's app removes it, keeping the answers.
    await m.goto('/settings');
    await m.getByText('Trust reconciliation clinic · version 2').waitFor();
    expect(await m.getByRole('button', { name: /^Withdraw / }).count()).toBe(0);
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Check for chapter packs' }).click();
    await page.getByText('Trust reconciliation clinic · version 2').waitFor({ timeout: 20_000 });
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Withdraw Trust reconciliation clinic from the chapter' }).click();
    await page.getByText('Withdrew "Trust reconciliation clinic" from your chapter.').waitFor({ timeout: 20_000 });
    expect(await page.getByText('Trust reconciliation clinic · version 2').count()).toBe(0);
    await m.getByRole('button', { name: 'Check for chapter packs' }).click();
    await m.getByText('removed Trust reconciliation clinic (withdrawn)').waitFor({ timeout: 20_000 });
    expect(await m.getByText('No session packs on this device.').count()).toBe(1);
    expect((await stored(m)).answers).toBe(3);

    // A member's Author page offers no publishing (and the server refuses it: tests/server/packs.test.ts).
    await m.goto('/author');
    await m.getByText('Only speakers and the committee publish to the chapter.').waitFor();
    expect(await m.getByRole('button', { name: 'Publish to my chapter' }).count()).toBe(0);
    expect(speaker.errors).toEqual([]);
  } finally {
    await speaker.context.close();
    await member.context.close();
  }
});
