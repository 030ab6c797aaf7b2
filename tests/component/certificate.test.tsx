import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { addMembers, recordCheckIn, saveSessionChange } from '../../src/features/chapter/data';
import { db } from '../../src/db/db';

beforeEach(async () => {
  await resetDb();
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-02-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('certificate of attendance', () => {
  it('lists only held sessions with the CE fields, a stable number, and says Reissued on a later print', async () => {
    await addMembers([{ name: 'Ann Lee', email: 'ann@x.org', role: 'candidate' }]);
    const ann = (await db.members.toArray())[0]!;
    await recordCheckIn({ sessionId: 'books-night', memberId: ann.id, present: true, hours: 2.5 }, 'Ann');
    await saveSessionChange({
      sessionId: 'extra-1',
      extra: { title: 'Cancelled review', area: 'money', speaker: 'Sam' },
      date: '2027-01-20',
      start: '18:00',
      hours: 2,
      cancelled: true,
    });
    await recordCheckIn({ sessionId: 'extra-1', memberId: ann.id, present: true, hours: 2 }, 'Ann');
    renderRoute(`/chapter/certificate/${ann.id}`);
    expect(await screen.findByText(/attended 2\.5 hours of the Fixture Study Group/)).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: /A Night With the Books/ })).toBeInTheDocument();
    expect(screen.queryByText(/Cancelled review/)).not.toBeInTheDocument();
    expect(screen.getByText('Pat Ledger')).toBeInTheDocument();
    expect(screen.getByText('Provider').nextElementSibling).toHaveTextContent('Test Chapter');
    const number = screen.getByText('Certificate').nextElementSibling?.textContent;
    expect(number).toMatch(/^2027-[0-9A-Z]{7}$/);
    expect(screen.getByText(/^Issued /)).toBeInTheDocument();
    fireEvent(window, new Event('beforeprint'));
    expect(await screen.findByText(/^Reissued .*\(first issued/)).toBeInTheDocument();
    expect(screen.getByText('Certificate').nextElementSibling?.textContent).toBe(number);
  });
});
