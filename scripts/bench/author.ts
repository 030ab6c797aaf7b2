// The Author page with a 200-question draft (issue 13): while a speaker types, how long each
// keystroke takes to reach the screen (the Event Timing API's duration: from the key press to
// the next paint, which is what a speaker feels), and how long until the preview shows the
// new text (the whole draft compiled in the worker). Production build, no CPU slowdown.
import type { Browser, Page } from 'playwright-core';
import { PACK_SESSION, question } from '../../tests/fixtures/pack.ts';

export const DRAFT_QUESTIONS = 200;

function bigDraft(n: number): string {
  const questions = Array.from({ length: n }, (_, i) =>
    question(`bench-q-${i + 1}`, `Question ${i + 1}: which records does a three-way trust reconciliation compare?`),
  );
  return `---\narea: finance\nsubarea: general-accounting\n---\n\n${questions.join('\n')}`;
}

/** Replaces the file's text; the cursor ends at `cursorAt` (default: the end). */
async function write(page: Page, file: string, text: string, cursorAt = text.length): Promise<void> {
  await page.getByRole('tab', { name: file }).click();
  await page.getByRole('textbox', { name: `${file} (Markdown)` }).click();
  await page.keyboard.press('Control+A');
  // The text after the cursor first, then the text before it at the top: moving the cursor by
  // lines just after a 250 KB insert is unreliable (the editor's line heights are estimates).
  await page.keyboard.insertText(text.slice(cursorAt));
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(text.slice(0, cursorAt));
}

export interface AuthorFigures {
  /** Keystroke durations (ms); keystrokes under 16 ms are not reported by the browser and count as 16. */
  keystrokes: number[];
  /** From a word typed to the preview showing it (ms), per word. */
  previews: number[];
}

export async function benchAuthor(browser: Browser, base: string, words = 15): Promise<AuthorFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript('globalThis.__name = (f) => f;');
  await context.addInitScript(() => {
    const w = window as unknown as { benchKeyTimes: number[] };
    w.benchKeyTimes = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') w.benchKeyTimes.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/author`);
    await write(page, 'Session file', PACK_SESSION);
    // The cursor at the end of the first question's stem.
    const draft = bigDraft(DRAFT_QUESTIONS);
    await write(page, 'Question file', draft, draft.indexOf('\n', draft.indexOf('Question 1: ')));
    await page.getByText('No problems: this pack can be exported and published.').waitFor({ timeout: 120_000 });
    await page.getByText(`Questions (${DRAFT_QUESTIONS})`).waitFor({ timeout: 60_000 });
    await page.evaluate(() => ((window as unknown as { benchKeyTimes: number[] }).benchKeyTimes = []));
    const previews: number[] = [];
    let typed = 0;
    for (let i = 0; i < words; i++) {
      const word = ` zq${i}x`;
      const t0 = await page.evaluate(() => performance.now());
      await page.keyboard.type(word, { delay: 40 });
      typed += word.length;
      const t1 = await page
        .waitForFunction(
          // The first question alone (the word is typed into its stem): reading the whole
          // 200-question preview's text on every frame would slow the page being measured.
          (w) => (document.querySelector('.preview-question')?.textContent?.includes(w) ? performance.now() : false),
          word.trim(),
          { polling: 'raf', timeout: 30_000 },
        )
        .catch(async (e: unknown) => {
          const line = await page
            .locator('.cm-activeLine')
            .innerText()
            .catch(() => '?');
          throw new Error(`the preview never showed "${word.trim()}" (cursor line: ${line})`, { cause: e });
        });
      // From the last key of the word to the preview showing it.
      previews.push(((await t1.jsonValue()) as number) - t0 - 40 * (word.length - 1));
    }
    const slow = await page.evaluate(() => (window as unknown as { benchKeyTimes: number[] }).benchKeyTimes);
    const keystrokes = [...slow, ...Array.from({ length: Math.max(0, typed - slow.length) }, () => 16)];
    return { keystrokes, previews };
  } finally {
    await context.close();
  }
}
