// Check-in on a 360 px phone, as at the door: accent-blind search, typed partial hours, an undo
// that belongs to its session and survives a reload; and a full season's certificate that prints
// on one page of Letter and of A4 (pages counted in Chromium's own PDF).
import { expect, inject, it } from 'vitest';
import { openContext, setupBrowser } from './browser';
import { pdfText } from './pdf';

const baseURL = inject('baseURL');
const browser = setupBrowser();
const phone = { width: 360, height: 740 };

it('finds Chloé by "chloe", saves 1.5 hours as typed, and undoes only this session, even after a reload', async () => {
  const { context, page, errors } = await openContext(browser(), baseURL, phone);
  // Tuesday January 19, 2027, 6:30 PM in Chicago: the night of "Hiring, Selection and Promotion".
  await context.clock.install({ time: new Date('2027-01-19T18:30:00-06:00') });
  page.on('dialog', (d) => void d.accept());
  await page.goto('/chapter/roster');
  for (const [name, email] of [
    ['Chloé Martin', 'chloe@example.org'],
    ['Ann Lee', 'ann@example.org'],
    ['Bo Park', 'bo@example.org'],
  ] as const) {
    const form = page.getByRole('form', { name: 'Add a member' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add member' }).click();
    await page.getByRole('button', { name: `Deactivate ${name}` }).waitFor();
  }

  // Session A, last week: Chloé was there (recorded late, after a confirmation).
  await page.goto('/chapter/check-in/general-accounting-trust');
  await page.getByRole('button', { name: 'Chloé Martin', exact: true }).click();
  await page.getByRole('button', { name: 'Chloé Martin', exact: true, pressed: true }).waitFor();

  // Group opens on tonight's session, session B.
  await page.goto('/chapter');
  await page.getByRole('heading', { name: 'Tonight' }).waitFor();
  await page.getByRole('link', { name: 'Check in' }).click();
  await page.getByText('Hiring, Selection and Promotion ·').waitFor();
  await page.getByRole('searchbox', { name: 'Find a member' }).fill('chloe');
  await page.getByRole('button', { name: 'Chloé Martin', exact: true }).click();
  await page.getByRole('button', { name: 'Chloé Martin', exact: true, pressed: true }).waitFor();
  expect(await page.getByRole('button', { name: 'Ann Lee' }).count()).toBe(0);
  await page.getByText('1 of 3 checked in').waitFor();
  const hours = page.getByRole('form', { name: 'Hours for Chloé Martin' }).getByLabel('Hours');
  await hours.clear();
  await hours.pressSequentially('1.5');
  await hours.press('Enter');
  await page.getByText('Saved: 1.5 hours').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  await page.screenshot({ path: '.cache/check-in-360.png', fullPage: true });

  await page.reload();
  await page.getByRole('button', { name: 'Chloé Martin', exact: true, pressed: true }).waitFor();
  expect(await hours.inputValue()).toBe('1.5');

  // Undo belongs to session B, says what it undoes, and is still there after the reload.
  await page.getByRole('button', { name: "Undo: Chloé Martin's hours" }).click();
  await page.getByText('Saved: 3 hours').waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Undo: Chloé Martin checked in' }).click();
  await page.getByRole('button', { name: 'Chloé Martin', exact: true, pressed: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled()).toBe(true);

  // Session A is untouched.
  await page.goto('/chapter/check-in/general-accounting-trust');
  await page.getByRole('button', { name: 'Chloé Martin', exact: true, pressed: true }).waitFor();
  expect(await page.getByRole('button', { name: 'Undo: Chloé Martin checked in' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});

it('prints a full season with an 80-character name on one page of Letter and of A4', async () => {
  const { context, page, errors } = await openContext(browser(), baseURL, phone);
  await context.clock.install({ time: new Date('2027-04-01T12:00:00-05:00') });
  // 80 characters, with an unbroken run longer than a line of the phone.
  const name = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft Maximiliana Konsta';
  expect(name).toHaveLength(80);
  const sessions = [
    'general-accounting-trust',
    'hiring-selection-promotion',
    'technology',
    'budgets-billing-profitability',
    'pay-performance-wage-hour',
    'benefits-leave-cobra',
    'organizational-development',
    'business-management',
    'legal-industry',
    'facilities-records-vendors',
  ];
  const file = {
    kind: 'clm-study-chapter',
    version: 1,
    exportedAt: Date.parse('2027-03-31T12:00:00Z'),
    members: [{ id: 'm1', name, email: 'long@example.org', role: 'candidate', active: true, updatedAt: 1 }],
    attendance: sessions.map((s) => ({
      id: `${s}|m1`,
      sessionId: s,
      memberId: 'm1',
      present: true,
      hours: 3,
      updatedAt: 1,
    })),
    sessionChanges: [],
  };
  await page.goto('/chapter/share');
  await page.getByLabel('Import a chapter file').setInputFiles({
    name: 'chapter.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await page.getByText(/Imported from chapter\.json: 11 added/).waitFor();
  await page.goto('/chapter/certificate/m1');
  await page.getByRole('heading', { name: 'Certificate of Attendance' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
  for (const format of ['Letter', 'A4'] as const) {
    const pdf = await pdfText(await page.pdf({ format, printBackground: true }));
    expect({ format, pages: pdf.pages }).toEqual({ format, pages: 1 });
    expect(pdf.text.replace(/\s+/g, '')).toContain(name.replace(/\s+/g, ''));
    expect(pdf.text).toMatch(/attended 30 hours/);
    expect(pdf.text).toContain('Facilities, Records and Vendors');
    expect(pdf.text).toMatch(/2027-[0-9A-Z]{7}/);
    expect(pdf.text).not.toContain('Print or save as PDF');
  }
  expect(errors).toEqual([]);
  await context.close();
});

it('has no serious accessibility violations on any study-group view at 360 px', async () => {
  const { axeViolations } = await import('./browser');
  const { context, page, errors } = await openContext(browser(), baseURL, phone);
  await context.clock.install({ time: new Date('2027-01-19T18:30:00-06:00') });
  await page.goto('/chapter/roster');
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Name').fill('Chloé Martin');
  await form.getByLabel('Email').fill('chloe@example.org');
  await form.getByRole('button', { name: 'Add member' }).click();
  await page.getByRole('button', { name: 'Deactivate Chloé Martin' }).waitFor();
  await page.goto('/chapter/check-in/hiring-selection-promotion');
  await page.getByRole('button', { name: 'Chloé Martin', exact: true }).click();
  await page.getByText('Saved: 3 hours').waitFor();
  const memberId = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('clm-study');
        req.onsuccess = () => {
          const all = req.result.transaction('members').objectStore('members').getAll();
          all.onsuccess = () => resolve((all.result[0] as { id: string }).id);
        };
      }),
  );
  for (const path of [
    '/chapter',
    '/chapter/schedule',
    '/chapter/roster',
    '/chapter/members',
    '/chapter/share',
    '/chapter/check-in/hiring-selection-promotion',
    `/chapter/certificate/${memberId}`,
    '/sessions',
  ]) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ path, fits: width <= phone.width }).toEqual({ path, fits: true });
  }
  expect(errors).toEqual([]);
  await context.close();
});
