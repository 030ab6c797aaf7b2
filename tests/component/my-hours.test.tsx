import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within, fireEvent } from '@testing-library/react';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { addMembers, recordCheckIn, saveSessionChange } from '../../src/features/chapter/data';
import { db } from '../../src/db/db';

beforeEach(async () => {
  await resetDb();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('my hours', () => {
  it(
    'counts my study-group hours and logged education against the rules, and says what is missing',
    { timeout: 20_000 },
    async () => {
      await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'clm' }]);
      const ann = (await db.members.toArray())[0]!;
      // Held from its day on: the fixture's books-night is on 2027-01-12.
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-01T12:00:00Z') });
      await recordCheckIn({ sessionId: 'books-night', memberId: ann.id, present: true, hours: 3 }, 'Ann');
      const { user } = renderRoute('/my-hours');
      await user.selectOptions(await screen.findByRole('combobox', { name: 'I am' }), 'Ann Lee');
      expect(await screen.findByText(/A Night With the Books, 3 hours/)).toBeInTheDocument();
      expect(screen.getByText(/Study-group total:/)).toHaveTextContent(
        'Study-group total: 3 hours over 1 of 1 sessions held.',
      );

      const form = screen.getByRole('form', { name: 'Log education' });
      await user.type(within(form).getByLabelText('Title'), 'Ethics for managers');
      fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '2' } });
      await user.selectOptions(within(form).getByLabelText('Required topic (if any)'), 'Business Ethics');
      await user.click(within(form).getByRole('button', { name: 'Log these hours' }));

      const recert = await screen.findByRole('region', { name: 'CLM recertification' });
      await within(recert).findByText(/Business Ethics: 2 of at least 1/);
      expect(within(recert).getByText('Substance Abuse: 1 hour more (0 of 1).')).toBeInTheDocument();
      expect(within(recert).getByText(/hours more in all/)).toBeInTheDocument();
      const eligibility = screen.getByRole('region', { name: 'Exam eligibility' });
      expect(within(eligibility).getByText('Writing: 2 hours more (0 of 2).')).toBeInTheDocument();
    },
  );

  it('caps self-study hours as the rules say', async () => {
    const { user } = renderRoute('/my-hours');
    const form = await screen.findByRole('form', { name: 'Log education' });
    await user.type(within(form).getByLabelText('Title'), 'Webcast series');
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '6' } });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'Self-study or webcast');
    await user.selectOptions(within(form).getByLabelText('Category'), 'Writing');
    await user.click(within(form).getByRole('button', { name: 'Log these hours' }));
    const eligibility = await screen.findByRole('region', { name: 'Exam eligibility' });
    expect(
      await within(eligibility).findByText('Interactive self-study: 4 counted of 6 logged (at most 4)'),
    ).toBeInTheDocument();
    expect(within(eligibility).getByText(/^4 of 10 hours/)).toBeInTheDocument();
  });

  it('follows the schedule: a cancelled session stops counting, a session not yet held does not count', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'clm' }]);
    const ann = (await db.members.toArray())[0]!;
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-12T23:00:00Z') });
    await recordCheckIn({ sessionId: 'books-night', memberId: ann.id, present: true, hours: 3 }, 'Ann');
    await recordCheckIn({ sessionId: 'hiring-night', memberId: ann.id, present: true, hours: 2.5 }, 'Ann');
    await saveSessionChange({ sessionId: 'books-night', cancelled: true });
    const { user } = renderRoute('/my-hours');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'I am' }), 'Ann Lee');
    expect(await screen.findByText(/Study-group total:/)).toHaveTextContent('0 hours over 0 of 0 sessions held');
  });
});

describe('importing my hours file', () => {
  it('refuses an hours file whose hours are text or over the session, and stores nothing', async () => {
    const text = JSON.stringify({
      kind: 'clm-study-chapter',
      version: 1,
      exportedAt: 1,
      members: [{ id: 'm1', name: 'Ann Lee', email: 'ann@x.org', role: 'clm', active: true, updatedAt: 1 }],
      attendance: [
        { id: 'books-night|m1', sessionId: 'books-night', memberId: 'm1', present: true, hours: '3', updatedAt: 1 },
        { id: 'hiring-night|m1', sessionId: 'hiring-night', memberId: 'm1', present: true, hours: 20, updatedAt: 1 },
      ],
      sessionChanges: [],
    });
    const { user } = renderRoute('/my-hours');
    await user.upload(
      await screen.findByLabelText('Import your hours file or the chapter file'),
      new File([text], 'hours-ann-lee.json', { type: 'application/json' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported from hours-ann-lee.json');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Attendance record 1 (Ann Lee at books-night), hours: "3" is text, not a number',
      "Attendance record 2 (Ann Lee at hiring-night), hours: 20 is more than the session's 2.5 hours",
    ]);
    expect(await db.members.count()).toBe(0);
    expect(await db.attendance.count()).toBe(0);
  });
});
