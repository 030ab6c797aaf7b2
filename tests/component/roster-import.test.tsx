// The roster CSV import: rows checked (zod, the roster's own rules) before anything is added, the
// first problems named by line, and a file over 10 MB refused before it is read.
import { beforeEach, expect, it } from 'vitest';
import { screen, within, waitFor } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { IMPORT_MAX_BYTES } from '../../src/lib/import-problems';

/** The roster's file field, once it takes a file (when the roster has loaded). */
async function csvFile(): Promise<HTMLElement> {
  const input = await screen.findByLabelText('CSV file');
  await waitFor(() => expect(input).toBeEnabled());
  return input;
}

beforeEach(resetDb);

it('refuses a file with bad rows whole, naming the first five by line and email, then how many more', async () => {
  const bad = Array.from({ length: 8 }, (_, i) => `Bad ${i},bad${i}`).join('\n');
  const csv = `name,email,role,phone\nAnn Lee,ann@x.org,clm,555-0100\n${bad}\nCy,cy@x.org,owner\n`;
  const { user } = renderRoute('/chapter/roster');
  await user.upload(await csvFile(), new File([csv], 'roster.csv', { type: 'text/csv' }));
  const summary = await screen.findByRole('alert');
  expect(summary).toHaveTextContent('This file is refused, and nothing was imported.');
  expect(
    within(summary)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Line 3 (Bad 0): "bad0" is not an email address.',
    'Line 4 (Bad 1): "bad1" is not an email address.',
    'Line 5 (Bad 2): "bad2" is not an email address.',
    'Line 6 (Bad 3): "bad3" is not an email address.',
    'Line 7 (Bad 4): "bad4" is not an email address.',
    'and 4 more problems',
  ]);
  expect(screen.getByText(/10 rows: 1 ready, 9 with a problem/)).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Import 1 members' })).toBeDisabled();
  expect(await db.members.count()).toBe(0);
});

it('refuses a CSV file over 10 MB before reading it, and adds nothing', async () => {
  const { user } = renderRoute('/chapter/roster');
  const big = new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], 'huge.csv', { type: 'text/csv' });
  await user.upload(await csvFile(), big);
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Nothing was imported: The file is over 10 MB, larger than any file of this app.',
  );
  expect(screen.queryByRole('region', { name: 'Import preview' })).not.toBeInTheDocument();
  expect(await db.members.count()).toBe(0);
});
