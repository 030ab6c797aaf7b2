// A write the device refuses (a full disk here): the screen says what was not saved, goes back
// to what is stored, and the banner says storage is full until a write is stored again. And a
// double click on a button that writes stores once.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { db } from '../../src/db/db';
import { noteWrite } from '../../src/db/note-write';
import { addMembers } from '../../src/features/chapter/data';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';

const ROUTES = [
  () => import('../../src/features/exam/exam-page'),
  () => import('../../src/features/exam/exam-hub-page'),
  () => import('../../src/features/practice/practice-page'),
  () => import('../../src/features/practice/practice-hub-page'),
];
beforeAll(async () => {
  await Promise.all(ROUTES.map((load) => load()));
}, 60_000);

const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const BANNER = 'Storage on this device is full: new progress is not being saved.';
/** The banner above every page (its text holds a link, so it is found by its alert's text). */
const banner = () => screen.queryAllByRole('alert').find((a) => a.textContent?.startsWith(BANNER));

beforeEach(async () => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
  noteWrite();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a write the device refuses', () => {
  it('in an exam: the chosen option and the flag go back to what is stored, and it says why', async () => {
    const { user } = renderRoute('/exam');
    await user.click(await screen.findByRole('button', { name: 'Start the exam' }));
    await screen.findByRole('timer', { name: 'Time left' });
    const put = vi.spyOn(db.attempts, 'put').mockRejectedValue(full());

    const options = screen.getByRole('group', { name: 'Choose one answer' });
    await user.click(within(options).getAllByRole('radio')[0]!);
    expect(
      await screen.findByText(
        'Storage on this device is full: your answer to question 1 was not saved. Export your data in Settings, then free some space.',
      ),
    ).toHaveAttribute('role', 'alert');
    await waitFor(() =>
      expect(
        within(options)
          .getAllByRole('radio')
          .some((r) => (r as HTMLInputElement).checked),
      ).toBe(false),
    );
    const bar = screen.getByRole('timer').parentElement!;
    expect(within(bar).getByText('0 of 4 answered')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(await screen.findByText(/^Storage on this device is full: this flag was not saved\./)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Flag for review', pressed: false })).toBeEnabled();
    expect(banner()).toBeDefined();
    const [stored] = await db.attempts.toArray();
    expect(stored).toMatchObject({ responses: {}, marked: [] });

    // Space again: the next write is stored and the banner goes.
    put.mockRestore();
    await user.click(within(options).getAllByRole('radio')[1]!);
    expect(await within(bar).findByText('1 of 4 answered')).toBeInTheDocument();
    await waitFor(() => expect(banner()).toBeUndefined());
  }, 20_000);

  it('in practice: no verdict for an answer not stored, and the flag stays off', async () => {
    const { user } = renderRoute('/practice/area/money');
    await screen.findByText('Question 1 of 3');
    vi.spyOn(db.flags, 'put').mockRejectedValue(full());
    const add = vi.spyOn(db.answers, 'add').mockRejectedValue(full());

    await user.click(screen.getByRole('button', { name: 'Flag for later' }));
    expect(await screen.findByText(/^Storage on this device is full: this flag was not saved\./)).toHaveAttribute(
      'role',
      'alert',
    );
    expect(screen.getByRole('button', { name: 'Flag for later', pressed: false })).toBeEnabled();

    const options = screen.getByRole('group', { name: 'Choose one answer' });
    await user.click(within(options).getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText(/^Storage on this device is full: this answer was not saved\./)).toBeInTheDocument();
    expect(screen.queryByText(/Correct\.|Not quite\./)).not.toBeInTheDocument();
    expect(await db.answers.count()).toBe(0);

    // The choice is still there: checking again once there is space stores it.
    add.mockRestore();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText(/Correct\.|Not quite\./)).toBeInTheDocument();
    expect(await db.answers.count()).toBe(1);
  }, 20_000);

  it('at check-in: the member stays as stored and the message names them', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }]);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    vi.spyOn(db.attendance, 'put').mockRejectedValue(full());
    const { user } = renderRoute('/chapter/check-in/books-night');
    await user.click(await screen.findByRole('button', { name: 'Ann Lee' }));
    expect(
      await screen.findByText(/^Storage on this device is full: Ann Lee's check-in was not saved\./),
    ).toHaveAttribute('role', 'alert');
    expect(banner()).toBeDefined();
    expect(screen.getByRole('button', { name: 'Ann Lee', pressed: false })).toBeInTheDocument();
    expect(await db.attendance.count()).toBe(0);
  });

  it('logging hours: what was typed stays, and nothing is listed', async () => {
    vi.spyOn(db.education, 'add').mockRejectedValue(full());
    const { user } = renderRoute('/my-hours');
    const form = await screen.findByRole('form', { name: 'Log education' });
    await user.type(within(form).getByLabelText('Title'), 'Ethics for managers');
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '2' } });
    await user.click(within(form).getByRole('button', { name: 'Log these hours' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Storage on this device is full: these hours were not logged.',
    );
    expect(within(form).getByLabelText('Title')).toHaveValue('Ethics for managers');
    expect(within(form).getByRole('button', { name: 'Log these hours' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Remove Ethics for managers' })).not.toBeInTheDocument();
  });

  it('any other failure gives its reason and never blames the network', async () => {
    vi.spyOn(db.flags, 'put').mockRejectedValue(new Error('the record is locked'));
    const { user } = renderRoute('/practice/area/money');
    await user.click(await screen.findByRole('button', { name: 'Flag for later' }));
    const alert = await screen.findByText('This flag was not saved: the record is locked.');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(banner()).toBeUndefined();
    expect(alert.textContent).not.toMatch(/network|offline/i);
  });
});

describe('a double click on a button that writes', () => {
  // Both clicks inside one act: they arrive before React re-renders the button as disabled
  // (a slow phone, a key held down), so only the write's own guard keeps it to one.
  const twice = (button: HTMLElement) =>
    act(() => {
      button.click();
      button.click();
    });

  it('starts one practice set', async () => {
    const { router } = renderRoute('/practice');
    twice(await screen.findByRole('button', { name: /Everything mixed/ }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/practice\/set\//));
    expect(await db.attempts.count()).toBe(1);
  });

  it('starts one mock exam', async () => {
    renderRoute('/exam');
    twice(await screen.findByRole('button', { name: 'Start the exam' }));
    await screen.findByRole('timer', { name: 'Time left' });
    expect(await db.attempts.count()).toBe(1);
  });

  it('checks a member in once', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }]);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderRoute('/chapter/check-in/books-night');
    twice(await screen.findByRole('button', { name: 'Ann Lee' }));
    expect(await screen.findByRole('button', { name: 'Ann Lee', pressed: true })).toBeInTheDocument();
    // One change, so one undo entry: a second undo would take Ann out again.
    const [undo] = await db.settings.where('key').startsWith('undo:').toArray();
    expect(undo?.value).toHaveLength(1);
  });
});
