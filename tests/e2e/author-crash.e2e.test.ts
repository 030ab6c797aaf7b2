// The Author page's draft under a crash: the browser killed with SIGKILL half a second after the
// last key, once the page says the draft is saved, loses none of the text typed; the editor reopens with it.
import { afterEach, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { newProfile, startKillable, type Killable } from './killable';

const baseURL = inject('baseURL');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A Chromium on the profile, on the Author page, killed at the end of the test if still running. */
async function openAuthor(profile: string): Promise<{ browser: Killable; editor: Locator }> {
  const browser = await startKillable(profile);
  cleanups.push(() => browser.kill().catch(() => undefined));
  await browser.page.goto(`${baseURL}/author`);
  return { browser, editor: browser.page.getByRole('textbox', { name: 'Session file (Markdown)' }) };
}

it('keeps every word typed before "Saved on this device." through a SIGKILL', async () => {
  const profile = newProfile();
  cleanups.push(profile.remove);
  const { browser: first, editor } = await openAuthor(profile.dir);
  await editor.click();
  await first.page.keyboard.press('Control+End');
  await first.page.keyboard.type('\nA sentence typed just before the crash.', { delay: 20 });
  // The editor has taken the last key once the line shows it, and the page says so a moment later.
  await expect.poll(() => first.page.locator('.cm-activeLine').innerText()).toContain('before the crash.');
  await first.page.waitForTimeout(500);
  await first.page.getByRole('status').getByText('Saved on this device.').waitFor();
  await first.kill();

  const { browser: second, editor: reopened } = await openAuthor(profile.dir);
  // The editor draws only the lines in view: go to the end, where the sentence was typed.
  await reopened.click();
  await second.page.keyboard.press('Control+End');
  await expect
    .poll(() => second.page.locator('.cm-activeLine').innerText())
    .toBe('A sentence typed just before the crash.');
}, 90_000);
