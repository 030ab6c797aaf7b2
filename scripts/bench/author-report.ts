// The Author page's rows of npm run bench (scripts/bench/author.ts measures).
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../chromium-flags.ts';
import { benchAuthor, DRAFT_QUESTIONS } from './author.ts';
import { median } from './candidate-paint.ts';

type Row = (what: string, budget: string, measured: string, ok: boolean) => void;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

export async function reportAuthor(base: string, row: Row): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    let figures;
    try {
      figures = await benchAuthor(browser, base);
    } catch (error) {
      // A run that fails is a row that says so: the other figures are still written.
      const message = error instanceof Error ? error.message : String(error);
      row(`Author: a ${DRAFT_QUESTIONS}-question draft`, '<= 50 ms / <= 300 ms', `failed: ${message}`, false);
      return;
    }
    const { keystrokes, previews } = figures;
    const keys = p95(keystrokes);
    row(
      `Author: a keystroke in a ${DRAFT_QUESTIONS}-question draft to the next paint (p95 of ${keystrokes.length})`,
      '<= 50 ms',
      `${keys.toFixed(0)} ms (max ${Math.max(...keystrokes).toFixed(0)} ms)`,
      keys <= 50,
    );
    const m = median(previews);
    row(
      `Author: a word typed to the preview showing it, whole draft checked (median of ${previews.length})`,
      '<= 300 ms',
      `${m.toFixed(0)} ms (p95 ${p95(previews).toFixed(0)} ms)`,
      m <= 300,
    );
  } finally {
    await browser.close();
  }
}
