// My hours on a signed-in device: the official figures the chapter server sent (kept from the
// read-only document hours:<personId>) with when they were updated, nothing to edit; signed out
// (or another person signed in) it shows what this device's records say, as before.
import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { db } from '../../src/db/db';
import { saveOfficial } from '../../src/db/official';
import { saveAccount } from '../../src/db/account';
import type { OfficialHours } from '../../src/lib/chapter-doc';

const official: OfficialHours = {
  memberId: 'm-ann',
  name: 'Ann Lee',
  hours: 2.5,
  attended: 1,
  missed: 1,
  heldHours: 6,
  sessions: [{ sessionId: 'books-night', title: 'A Night With the Books', date: '2027-01-12', hours: 2.5 }],
  updatedAt: Date.now() - 3 * 60_000,
};

const account = (personId: string) => ({
  token: 't',
  person: { id: personId, name: 'Ann Lee', email: 'ann@x.org', roles: ['member'] },
  device: { id: 'd1', label: 'Phone' },
  signedInAt: 1,
});

beforeEach(resetDb);

describe('my hours, signed in', () => {
  it('shows the official hours from the chapter and when they were updated, with nothing to edit', async () => {
    await saveAccount(account('p-ann'));
    await saveOfficial('p-ann', official);
    renderRoute('/my-hours');
    expect(await screen.findByText('Official hours from the chapter, updated 3 min ago.')).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Study-group hours' });
    expect(within(section).getByText(/Study-group total:/)).toHaveTextContent(
      'Study-group total: 2.5 hours over 1 of 2 sessions held.',
    );
    expect(within(section).getByRole('list', { name: 'Sessions attended' })).toHaveTextContent(
      'A Night With the Books, 2.5 hours',
    );
    expect(within(section).queryByRole('combobox')).toBeNull();
    expect(within(section).queryByLabelText(/Import/)).toBeNull();
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it("shows this device's records when the official hours are another person's or nobody is signed in", async () => {
    await saveOfficial('p-ann', official);
    await saveAccount(account('p-bo'));
    const first = renderRoute('/my-hours');
    expect(await screen.findByLabelText('Import your hours file or the chapter file')).toBeInTheDocument();
    expect(screen.queryByText(/Official hours from the chapter/)).toBeNull();
    first.unmount();
    await db.account.clear();
    renderRoute('/my-hours');
    expect(await screen.findByLabelText('Import your hours file or the chapter file')).toBeInTheDocument();
    expect(screen.queryByText(/Official hours from the chapter/)).toBeNull();
  });
});
