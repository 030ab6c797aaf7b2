// The committee's records agree everywhere: a season with a cancelled, a moved and an extra
// session gives one member the same total on Members, the certificate, My hours and the
// attendance CSV; the Sessions page and the calendar show the moved time and the cancellation.
import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { openContext, setupBrowser, waitForServiceWorker } from './browser';
import { pdfText } from './pdf';

const baseURL = inject('baseURL');
const browser = setupBrowser();

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await download.path())!, 'utf8');
}

const events = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

async function addMember(page: Page, name: string, email: string) {
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByRole('button', { name: 'Add member' }).click();
  await page.getByRole('button', { name: `Deactivate ${name}`, exact: true }).waitFor();
}

async function checkIn(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('button', { name, exact: true, pressed: true }).waitFor();
}

it('gives one member the same total everywhere with a cancelled, a moved and an extra session', async () => {
  const { context, page, foreign, errors } = await openContext(browser(), baseURL);
  // March 20, 2027, in the program's timezone: most of the season is held.
  await context.clock.install({ time: new Date('2027-03-20T12:00:00-05:00') });
  // Attendance for a day other than the session's asks first: the committee says yes.
  page.on('dialog', (d) => void d.accept());
  await page.goto('/chapter/roster');
  await addMember(page, 'Ann Hernández', 'ann@example.org');
  await addMember(page, '=HYPERLINK("http://x")', 'x@example.org');

  // An extra session on March 18 (2 hours).
  await page.goto('/chapter/schedule');
  await page.getByText('Add an extra session').click();
  const extra = page.getByRole('form', { name: 'Add an extra session' });
  await extra.getByLabel('Title').fill('Review night');
  await extra.getByLabel('Speaker').fill('Pat Ledger');
  await extra.getByLabel('Date').fill('2027-03-18');
  await extra.getByLabel('Hours').fill('2');
  await extra.getByRole('button', { name: 'Add session' }).click();
  const reviewCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Review night' }) });
  await reviewCard.getByRole('link', { name: 'Check in' }).click();
  await checkIn(page, 'Ann Hernández');
  const hours = page.getByRole('form', { name: 'Hours for Ann Hernández' }).getByLabel('Hours');
  await hours.fill('1.5');
  await hours.press('Enter');
  await page.getByText('Saved: 1.5 hours').waitFor();

  for (const id of ['general-accounting-trust', 'technology', 'budgets-billing-profitability']) {
    await page.goto(`/chapter/check-in/${id}`);
    await checkIn(page, 'Ann Hernández');
  }

  const icsBefore = await downloadText(page, async () => {
    await page.goto('/chapter/schedule');
    await page.getByRole('button', { name: 'Export the schedule (.ics)' }).click();
  });

  // Technology moves later (Thu Feb 4, 7 PM); Budgets is cancelled after its check-in.
  const card = (title: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  const tech = card('Technology in the Law Firm');
  await tech.getByText('Change this session on this device').click();
  await tech.getByLabel('Date').fill('2027-02-04');
  await tech.getByLabel('Start').fill('19:00');
  await tech.getByRole('button', { name: 'Save change' }).click();
  await page.getByText('Moved from Tue, Jan 26, 2027, 6:00 PM.').waitFor();
  const budgets = card('Budgets, Billing and Profitability');
  await budgets.getByText('Change this session on this device').click();
  await budgets.getByRole('checkbox', { name: 'Cancelled' }).check();
  await budgets.getByRole('button', { name: 'Save change' }).click();
  await budgets.getByText('Cancelled.').waitFor();

  // 3 (accounting) + 3 (technology, moved) + 1.5 (extra); Budgets' 3 no longer count.
  const expected = '7.5';
  await page.goto('/chapter/members');
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Ann Hernández/ }) });
  expect(await row.getByRole('cell').first().textContent()).toBe(`${expected} of 30`);
  await page.getByText('Budgets, Billing and Profitability is cancelled: its 1 check-in is kept').waitFor();

  await page.getByRole('link', { name: 'Certificate for Ann Hernández' }).click();
  await page.getByRole('heading', { name: 'Certificate of Attendance' }).waitFor();
  const cert = await pdfText(await page.pdf({ format: 'Letter', printBackground: true }));
  expect(cert.pages).toBe(1);
  expect(cert.text).toContain(`attended ${expected} hours`);
  expect(cert.text).toContain('Review night');
  expect(cert.text).not.toContain('Budgets, Billing');

  await page.goto('/my-hours');
  await page.getByRole('combobox', { name: 'I am' }).selectOption({ label: 'Ann Hernández' });
  await page.getByText(`Study-group total: ${expected} hours`).waitFor();

  await page.goto('/chapter/share');
  const matrixText = await downloadText(page, () =>
    page.getByRole('button', { name: 'Attendance matrix (CSV)' }).click(),
  );
  expect(matrixText.charCodeAt(0)).toBe(0xfeff);
  const matrix = Papa.parse<Record<string, string>>(matrixText.slice(1), { header: true, skipEmptyLines: true });
  expect(matrix.data.find((r) => r.name === 'Ann Hernández')?.['total hours']).toBe(expected);
  // A formula typed as a name comes out as text.
  expect(matrix.data.map((r) => r.name)).toContain(`'=HYPERLINK("http://x")`);
  const roster = Papa.parse<Record<string, string>>(
    (await downloadText(page, () => page.getByRole('button', { name: 'Roster (CSV)' }).click())).slice(1),
    { header: true, skipEmptyLines: true },
  );
  expect(roster.data.map((r) => r.name).sort()).toEqual(['\'=HYPERLINK("http://x")', 'Ann Hernández']);

  // The Sessions page and the calendar show the moved time and the cancellation.
  await page.goto('/sessions');
  const listed = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Technology in the Law Firm' }) });
  await listed.getByText(/Thu, Feb 4, 2027, 7:00 PM/).waitFor();
  await listed.getByText(/Moved from Tue, Jan 26, 2027/).waitFor();
  const cancelled = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Budgets, Billing and Profitability' }) });
  await cancelled.getByText('Cancelled').waitFor();
  await page.getByRole('link', { name: 'Technology in the Law Firm' }).click();
  await page.getByText('Thu, Feb 4, 2027, 7:00 PM').waitFor();
  const one = events(await downloadText(page, () => page.getByRole('button', { name: 'Add to calendar' }).click()));
  expect(one[0]?.startDate.toJSDate().toISOString()).toBe('2027-02-05T01:00:00.000Z');

  await page.goto('/chapter/schedule');
  const after = events(
    await downloadText(page, () => page.getByRole('button', { name: 'Export the schedule (.ics)' }).click()),
  );
  const was = events(icsBefore).find((e) => e.uid === 'budgets-billing-profitability@clm-study');
  const now = after.find((e) => e.uid === 'budgets-billing-profitability@clm-study');
  expect(now?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  expect(now?.sequence).toBeGreaterThan(was?.sequence ?? Infinity);
  expect(after).toHaveLength(11);
  expect(
    after
      .find((e) => e.uid === 'technology@clm-study')
      ?.startDate.toJSDate()
      .toISOString(),
  ).toBe('2027-02-05T01:00:00.000Z');

  // Offline, the totals are still there.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/chapter/members');
  expect(await row.getByRole('cell').first().textContent()).toBe(`${expected} of 30`);
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
