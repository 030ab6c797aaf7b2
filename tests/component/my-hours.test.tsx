import { beforeEach, describe, expect, it } from 'vitest';
import { screen, within, fireEvent } from '@testing-library/react';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { addMembers, saveAttendance } from '../../src/features/chapter/data';
import { db } from '../../src/db/db';

beforeEach(async () => {
  await resetDb();
});

describe('my hours', () => {
  it('counts my study-group hours and logged education against the rules, and says what is missing', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'clm' }]);
    const ann = (await db.members.toArray())[0]!;
    // The fixture's session is in 2027; the rule window runs to today, so log it as attended
    // and check the logged education instead.
    await saveAttendance({ sessionId: 'books-night', memberId: ann.id, present: true, hours: 3 });
    const { user } = renderRoute('/my-hours');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'I am' }), 'Ann Lee');
    expect(await screen.findByText(/A Night With the Books, 3 hours/)).toBeInTheDocument();

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
  });

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
});
