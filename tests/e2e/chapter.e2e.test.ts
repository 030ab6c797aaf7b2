import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openContext, setupBrowser, waitForServiceWorker } from './browser';

const baseURL = inject('baseURL');
const browser = setupBrowser();

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  return { pages: doc.numPages, text };
}

it('builds a roster, checks members in, exports CSV, ICS and a certificate, and keeps it all offline', async () => {
  const { context, page, foreign, errors } = await openContext(browser(), baseURL);
  await page.goto('/chapter');
  const names = ['Ann Lee', 'Bo Park', 'Cy Diaz', 'Dee Ross', 'Eli Stone'];
  const form = page.getByRole('form', { name: 'Add a member' });
  for (const name of names) {
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@example.org`);
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('button', { name: `Deactivate ${name}` }).waitFor();
  }

  // Two sessions; three members each; Cy arrives late to the first.
  for (const session of ['general-accounting-trust', 'hiring-selection-promotion']) {
    await page.goto(`/chapter/check-in/${session}`);
    for (const name of names.slice(0, 3)) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('button', { name, exact: true, pressed: true }).waitFor();
    }
  }
  await page.goto('/chapter/check-in/general-accounting-trust');
  const cy = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Cy Diaz', exact: true }) });
  await cy.getByRole('spinbutton', { name: 'Hours' }).fill('1.5');
  await page.waitForTimeout(300);

  await page.reload();
  await page.getByRole('button', { name: 'Cy Diaz', exact: true, pressed: true }).waitFor();
  expect(await cy.getByRole('spinbutton', { name: 'Hours' }).inputValue()).toBe('1.5');
  expect(await page.getByRole('button', { name: 'Dee Ross', exact: true, pressed: false }).count()).toBe(1);

  // CSV exports, read back with a real parser.
  await page.goto('/chapter/members');
  const roster = Papa.parse<Record<string, string>>(
    await downloadText(page, () => page.getByRole('button', { name: 'Roster (CSV)' }).click()),
    { header: true, skipEmptyLines: true },
  );
  expect(roster.data.map((r) => r.name)).toEqual(names);
  const matrix = Papa.parse<Record<string, string>>(
    await downloadText(page, () => page.getByRole('button', { name: 'Attendance matrix (CSV)' }).click()),
    { header: true, skipEmptyLines: true },
  );
  const total = (name: string) => matrix.data.find((r) => r.name === name)!['total hours'];
  expect(total('Ann Lee')).toBe('6');
  expect(total('Cy Diaz')).toBe('4.5');
  expect(total('Eli Stone')).toBe('0');

  // The calendar, read back with ical.js.
  await page.goto('/chapter');
  const ics = await downloadText(page, () => page.getByRole('button', { name: 'Export the schedule (.ics)' }).click());
  const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(10);
  expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2027-01-13T00:00:00.000Z');

  // The certificate, printed to PDF by Chromium: one page on Letter and on A4.
  await page.goto('/chapter/members');
  await page.getByRole('link', { name: 'Certificate for Cy Diaz' }).click();
  await page.getByRole('heading', { name: 'Certificate of Attendance' }).waitFor();
  for (const format of ['Letter', 'A4'] as const) {
    const pdf = await pdfText(await page.pdf({ format, printBackground: true }));
    expect(pdf.pages, format).toBe(1);
    expect(pdf.text).toContain('Cy Diaz');
    expect(pdf.text).toMatch(/attended 4\.5 hours/);
    expect(pdf.text).toContain('Committee chair');
    expect(pdf.text).not.toContain('Print or save as PDF');
  }

  // Offline, everything is still there.
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.goto('/chapter/members');
  await page.getByRole('region', { name: 'Hours by member' }).waitFor();
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  expect(await row('Cy Diaz').getByRole('cell').first().textContent()).toBe('4.5 of 30');
  expect(await row('Ann Lee').getByRole('cell').first().textContent()).toBe('6 of 30');
  expect(foreign).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
