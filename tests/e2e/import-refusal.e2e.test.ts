// A hostile chapter file in the production build at 360 px: refused whole with its first
// problems by record and field, nothing stored (the Group pages keep working after a reload),
// no horizontal scroll, no serious accessibility violation; a good file then imports.
import { expect, inject, it } from 'vitest';
import { axeViolations, openContext, setupBrowser } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();
const phone = { width: 360, height: 740 };

const ann = { id: 'm1', name: 'Ann Lee', email: 'ann@example.org', role: 'candidate', active: true, updatedAt: 1 };
const chapterFile = (parts: Record<string, unknown>) =>
  Buffer.from(
    JSON.stringify({
      kind: 'clm-study-chapter',
      version: 1,
      exportedAt: 1,
      members: [ann],
      attendance: [],
      sessionChanges: [],
      ...parts,
    }),
  );

it('refuses a bad chapter file whole on a phone, stores nothing, and still takes a good one', async () => {
  const { page, context, errors } = await openContext(browser(), baseURL, phone);
  await page.goto('/chapter/share');
  const input = page.getByLabel('Import a chapter file');
  await input.setInputFiles({
    name: 'chapter.json',
    mimeType: 'application/json',
    buffer: chapterFile({
      members: [{ ...ann, name: { first: 'Ann' } }],
      attendance: [
        { id: 'technology|m1', sessionId: 'technology', memberId: 'm1', present: true, hours: '3', updatedAt: 1 },
      ],
      sessionChanges: [{ sessionId: 'technology', date: 'not-a-date', updatedAt: 1 }],
    }),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.getByRole('listitem').allTextContents()).toEqual([
    'Member 1 (ann@example.org), name: is an object, not text',
    'Attendance record 1 (ann@example.org at technology), hours: "3" is text, not a number',
    'Session change 1 (technology), date: "not-a-date" is not a date (YYYY-MM-DD)',
  ]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/chapter/roster');
  await page.getByText('No members yet.').waitFor();

  await page.goto('/chapter/share');
  await page.getByLabel('Import a chapter file').setInputFiles({
    name: 'chapter.json',
    mimeType: 'application/json',
    buffer: chapterFile({}),
  });
  await page.getByText('Imported from chapter.json: 1 added').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.goto('/chapter/roster');
  await page.getByRole('button', { name: 'Deactivate Ann Lee' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});
