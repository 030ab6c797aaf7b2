import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within, fireEvent, waitFor } from '@testing-library/react';
import { db } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { addMembers } from '../../src/features/chapter/data';

/** The roster's file field, once it takes a file (when the roster has loaded). */
async function csvFile(): Promise<HTMLElement> {
  const input = await screen.findByLabelText('CSV file');
  await waitFor(() => expect(input).toBeEnabled());
  return input;
}

beforeEach(async () => {
  await resetDb();
  // The fixture's books-night is on 2027-01-12 (New York): check-in opens on its day.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-12T23:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('roster', () => {
  it('adds a member and refuses a second one with the same email', async () => {
    const { user } = renderRoute('/chapter/roster');
    const form = await screen.findByRole('form', { name: 'Add a member' });
    await user.type(within(form).getByLabelText('Name'), 'Ann Lee');
    await user.type(within(form).getByLabelText('Email'), 'Ann@Example.org');
    await user.click(within(form).getByRole('button', { name: 'Add member' }));
    expect(await screen.findByRole('button', { name: 'Deactivate Ann Lee' })).toBeInTheDocument();
    // The form resets, role included.
    expect(within(form).getByLabelText('Role')).toHaveValue('candidate');
    await user.type(within(form).getByLabelText('Name'), 'Ann Again');
    await user.type(within(form).getByLabelText('Email'), 'ann@example.org');
    await user.click(within(form).getByRole('button', { name: 'Add member' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('ann@example.org is already on the roster.');
    expect(await db.members.count()).toBe(1);
  });

  it('previews a CSV import with an error per bad row, refuses it whole, then imports the fixed file', async () => {
    await addMembers([{ name: 'Existing', email: 'old@x.org', role: 'candidate' }]);
    const { user } = renderRoute('/chapter/roster');
    const csv =
      'name,email,role\nAnn Lee,ann@x.org,candidate\n,nobody@x.org,\nBo,not-an-email,\nOld,OLD@x.org,clm\nCy,cy@x.org,boss\nAnn Twice,ann@x.org,\n';
    await user.upload(await csvFile(), new File([csv], 'roster.csv', { type: 'text/csv' }));
    const preview = await screen.findByRole('region', { name: 'Import preview' });
    const row = (line: number) =>
      within(preview)
        .getByRole('cell', { name: String(line) })
        .closest('tr')!;
    expect(row(2)).toHaveTextContent('OK');
    expect(row(3)).toHaveTextContent('The name is empty.');
    expect(row(4)).toHaveTextContent('"not-an-email" is not an email address.');
    expect(row(5)).toHaveTextContent('Skipped: old@x.org is already on the roster.');
    expect(row(6)).toHaveTextContent('Unknown role "boss"');
    expect(row(7)).toHaveTextContent('ann@x.org appears twice in this file.');
    expect(screen.getByRole('alert')).toHaveTextContent('This file is refused, and nothing was imported.');
    expect(screen.getByRole('button', { name: 'Import 1 members' })).toBeDisabled();
    expect((await db.members.toArray()).map((m) => m.email)).toEqual(['old@x.org']);

    const fixed = 'name,email,role\nAnn Lee,ann@x.org,candidate\nOld,OLD@x.org,clm\n';
    await user.upload(await csvFile(), new File([fixed], 'roster.csv', { type: 'text/csv' }));
    await user.click(await screen.findByRole('button', { name: 'Import 1 members' }));
    expect(await screen.findByText('1 member added. 1 row already on the roster, skipped.')).toBeInTheDocument();
    // A second click, or the same rows again, adds nothing more.
    expect(await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }])).toEqual({
      added: 0,
      skipped: ['ann@x.org'],
    });
    expect((await db.members.toArray()).map((m) => m.email).sort()).toEqual(['ann@x.org', 'old@x.org']);
  });

  it('changes nothing when the file has no name and email columns', async () => {
    const { user } = renderRoute('/chapter/roster');
    await user.upload(await csvFile(), new File(['first,last\nA,B\n'], 'bad.csv', { type: 'text/csv' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'needs a header row with the columns "name" and "email"',
    );
    expect(await db.members.count()).toBe(0);
  });
});

describe('check-in', () => {
  beforeEach(async () => {
    await addMembers([
      { name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' },
      { name: 'Bo Park', email: 'bo@x.org', role: 'clm' },
      { name: 'Cy Diaz', email: 'cy@x.org', role: 'guest' },
    ]);
  });

  it('marks members present with a tap, finds them by name, and stamps each change', async () => {
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.type(await screen.findByRole('searchbox', { name: 'Find a member' }), 'bo');
    expect(screen.queryByRole('button', { name: 'Ann Lee' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bo Park' }));
    expect(await screen.findByRole('button', { name: 'Bo Park', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Bo Park is present.');
    const stored = (await db.attendance.toArray())[0]!;
    expect(stored).toMatchObject({ sessionId: 'books-night', present: true, hours: 3 });
    expect(stored.updatedAt).toBeGreaterThan(0);
  });

  it('finds Chloé by "chloe" and by email, and counts who is checked in', async () => {
    await addMembers([{ name: 'Chloé Martin', email: 'cmartin@x.org', role: 'candidate' }]);
    const { user } = renderRoute('/chapter/check-in/books-night');
    const search = await screen.findByRole('searchbox', { name: 'Find a member' });
    await user.type(search, 'chloe');
    expect(await screen.findByRole('button', { name: 'Chloé Martin' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ann Lee' })).not.toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'CMARTIN@');
    await user.click(await screen.findByRole('button', { name: 'Chloé Martin' }));
    expect(await screen.findByText('1 of 4 checked in')).toBeInTheDocument();
    await user.clear(search);
    await user.click(screen.getByRole('button', { name: 'Not yet' }));
    expect(screen.queryByRole('button', { name: 'Chloé Martin' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ann Lee' })).toBeInTheDocument();
  });

  it('lowers hours for a late arrival: typed after clearing the field, or a quick choice; bounded', async () => {
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.click(await screen.findByRole('button', { name: 'Ann Lee' }));
    const hours = await screen.findByRole('textbox', { name: 'Hours' });
    await user.clear(hours);
    await user.type(hours, '1.5{Enter}');
    expect(await screen.findByText('Saved: 1.5 hours')).toBeInTheDocument();
    expect((await db.attendance.toArray())[0]!.hours).toBe(1.5);
    const field = screen.getByRole('textbox', { name: 'Hours' });
    await user.clear(field);
    await user.type(field, '9{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter hours from 0 to 3.');
    expect((await db.attendance.toArray())[0]!.hours).toBe(1.5);
    await user.click(screen.getByRole('button', { name: '−1 h for Ann Lee' }));
    expect(await screen.findByText('Saved: 2 hours')).toBeInTheDocument();
  });

  it('undoes the last change of this session only, says what, and keeps it after a reload', async () => {
    const first = renderRoute('/chapter/check-in/books-night');
    await first.user.click(await screen.findByRole('button', { name: 'Ann Lee' }));
    await first.user.click(await screen.findByRole('button', { name: 'Cy Diaz' }));
    await screen.findByRole('button', { name: 'Cy Diaz', pressed: true });
    first.unmount();
    const other = renderRoute('/chapter/check-in/hiring-night');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    await other.user.click(await screen.findByRole('button', { name: 'Bo Park' }));
    await screen.findByRole('button', { name: 'Undo: Bo Park checked in' });
    other.unmount();
    // A reload: a fresh render reads the undo entries from the database.
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.click(await screen.findByRole('button', { name: 'Undo: Cy Diaz checked in' }));
    expect(await screen.findByRole('button', { name: 'Cy Diaz', pressed: false })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Undone: Cy Diaz checked in.');
    expect(screen.getByRole('button', { name: 'Ann Lee', pressed: true })).toBeInTheDocument();
    expect((await db.attendance.toArray()).map((a) => a.id.split('|')[0]).sort()).toEqual([
      'books-night',
      'hiring-night',
    ]);
  });

  it('asks before recording attendance on another day than the session', async () => {
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const { user } = renderRoute('/chapter/check-in/hiring-night');
    await user.click(await screen.findByRole('button', { name: 'Ann Lee' }));
    expect(ask).toHaveBeenCalledWith(expect.stringContaining('not today'));
    expect(await db.attendance.count()).toBe(0);
  });

  it('adds a walk-in and checks them in without leaving the screen', async () => {
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.click(await screen.findByText('Add a walk-in'));
    const form = screen.getByRole('form', { name: 'Add a walk-in' });
    await user.type(within(form).getByLabelText('Name'), 'Dee Ross');
    await user.type(within(form).getByLabelText('Email'), 'dee@x.org');
    await user.click(within(form).getByRole('button', { name: 'Add and check in' }));
    expect(await screen.findByRole('button', { name: 'Dee Ross', pressed: true })).toBeInTheDocument();
    expect(await db.members.count()).toBe(4);
  });
});

describe('schedule changes on this device', () => {
  it(
    'reschedules and cancels a session, marks it as changed, and can go back to the published one',
    { timeout: 20_000 },
    async () => {
      const { user } = renderRoute('/chapter/schedule');
      let card = await cardOf();
      await user.click(within(card).getByText('Change this session on this device'));
      let form = within(card).getByRole('form', { name: 'Change A Night With the Books' });
      fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2027-01-14' } });
      await user.clear(within(form).getByLabelText('Room'));
      await user.type(within(form).getByLabelText('Room'), 'Room 9');
      await user.click(within(form).getByRole('button', { name: 'Save change' }));
      expect(await screen.findByText(/\(changed on this device\)/)).toBeInTheDocument();
      card = await cardOf();
      expect(card).toHaveTextContent('Thu, Jan 14, 2027');
      expect(card).toHaveTextContent('Room 9');
      await user.click(within(card).getByText('Change this session on this device'));
      form = within(card).getByRole('form', { name: 'Change A Night With the Books' });
      await user.click(within(form).getByRole('checkbox', { name: 'Cancelled' }));
      await user.click(within(form).getByRole('button', { name: 'Save change' }));
      expect(await screen.findByText('Cancelled.')).toBeInTheDocument();
      card = await cardOf();
      expect((await db.sessionChanges.get('books-night'))!).toMatchObject({
        date: '2027-01-14',
        location: 'Room 9',
        cancelled: true,
        revision: 2,
      });
      await user.click(within(card).getByText('Change this session on this device'));
      form = within(card).getByRole('form', { name: 'Change A Night With the Books' });
      await user.click(within(form).getByRole('button', { name: 'Back to the published schedule' }));
      await waitForGone(() => screen.queryByText(/\(changed on this device\)/));
      // Emptied, not deleted: the calendar's SEQUENCE keeps rising.
      expect(await db.sessionChanges.get('books-night')).toMatchObject({ revision: 3 });
      expect((await db.sessionChanges.get('books-night'))?.cancelled).toBeUndefined();
    },
  );

  it('refuses impossible hours', async () => {
    const { user } = renderRoute('/chapter/schedule');
    const card = (await screen.findByRole('heading', { level: 3, name: 'Hiring Night' })).closest('li')!;
    await user.click(within(card).getByText('Change this session on this device'));
    const form = within(card).getByRole('form', { name: 'Change Hiring Night' });
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '12' } });
    fireEvent.submit(form);
    expect(await within(form).findByRole('alert')).toHaveTextContent('Hours must be more than 0 and at most 8.');
    expect(await db.sessionChanges.count()).toBe(0);
  });
});

async function cardOf() {
  return (await screen.findByRole('heading', { level: 3, name: 'A Night With the Books' })).closest('li')!;
}

async function waitForGone(query: () => HTMLElement | null) {
  await waitFor(() => expect(query()).toBeNull());
}

describe('extra sessions and member edits', () => {
  it('adds an extra session that shows in the schedule and takes check-ins', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }]);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { user } = renderRoute('/chapter/schedule');
    await user.click(await screen.findByText('Add an extra session'));
    const form = screen.getByRole('form', { name: 'Add an extra session' });
    await user.type(within(form).getByLabelText('Title'), 'Review night');
    await user.type(within(form).getByLabelText('Speaker'), 'Pat Ledger');
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2027-04-06' } });
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '1.5' } });
    await user.click(within(form).getByRole('button', { name: 'Add session' }));
    const card = (await screen.findByRole('heading', { level: 3, name: 'Review night' })).closest('li')!;
    expect(card).toHaveTextContent('Tue, Apr 6, 2027');
    expect(card).toHaveTextContent('1.5 hours');
    await user.click(within(card).getByRole('link', { name: 'Check in' }));
    await user.click(await screen.findByRole('button', { name: 'Ann Lee' }));
    await screen.findByRole('button', { name: 'Ann Lee', pressed: true });
    expect((await db.attendance.toArray())[0]).toMatchObject({ present: true, hours: 1.5 });
  });

  it('edits a member and keeps emails unique', async () => {
    await addMembers([
      { name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' },
      { name: 'Bo Park', email: 'bo@x.org', role: 'candidate' },
    ]);
    const { user } = renderRoute('/chapter/roster');
    await user.click(await screen.findByRole('button', { name: 'Edit Ann Lee' }));
    const form = screen.getByRole('form', { name: 'Edit Ann Lee' });
    await user.clear(within(form).getByLabelText('Email'));
    await user.type(within(form).getByLabelText('Email'), 'bo@x.org');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('bo@x.org is already on the roster.');
    await user.clear(within(form).getByLabelText('Name'));
    await user.type(within(form).getByLabelText('Name'), 'Ann Lee-Park');
    await user.clear(within(form).getByLabelText('Email'));
    await user.type(within(form).getByLabelText('Email'), 'ann.lp@x.org');
    await user.selectOptions(within(form).getByLabelText('Role'), 'Current CLM');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Edit Ann Lee-Park' })).toBeInTheDocument();
    expect((await db.members.toArray()).find((m) => m.name === 'Ann Lee-Park')).toMatchObject({
      email: 'ann.lp@x.org',
      role: 'clm',
    });
  });
});
