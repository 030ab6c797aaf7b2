// The Share page's chapter-file import: what it took and what it refused, in plain words.
import { beforeEach, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { db, storedMember } from '../../src/db/db';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import type { Member } from '../../src/lib/chapter';

const member = (id: string, name: string, email: string, at = 1): Member => ({
  id,
  name,
  email,
  role: 'candidate',
  active: true,
  updatedAt: at,
  fieldsAt: { name: at, email: at, role: at, active: at },
});

beforeEach(resetDb);

it('imports a chapter file and names the email change it refused because another member has that email', async () => {
  await db.members.bulkAdd(
    [member('m-2', 'Ann Lee', 'ann@chapter.org'), member('m-1', 'Bo Park', 'bo@chapter.org')].map(storedMember),
  );
  const bo = {
    ...member('m-1', 'Bo Park-Lee', 'ann@chapter.org', 9),
    fieldsAt: { name: 9, email: 9, role: 1, active: 1 },
  };
  const text = JSON.stringify({
    kind: 'clm-study-chapter',
    version: 1,
    exportedAt: 9,
    members: [bo],
    attendance: [],
    sessionChanges: [],
  });
  const { user } = renderRoute('/chapter/share');
  await user.upload(
    await screen.findByLabelText('Import a chapter file'),
    new File([text], 'chapter.json', { type: 'application/json' }),
  );
  const status = await screen.findByRole('status');
  expect(status).toHaveTextContent(
    'Imported from chapter.json: 0 added, 1 updated, 0 unchanged, 0 kept from this device (newer here), 1 refused.',
  );
  expect(
    within(status)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Bo Park: email "ann@chapter.org" not taken, Ann Lee already has it here', 'Bo Park: name "Bo Park-Lee"']);
  expect(await db.members.get('m-1')).toMatchObject({
    name: 'Bo Park-Lee',
    email: 'bo@chapter.org',
    emailKey: 'bo@chapter.org',
  });
});

it('refuses a bad chapter file whole, listing its first problems by member and field, and changes nothing', async () => {
  await db.members.bulkAdd([member('m-1', 'Bo Park', 'bo@chapter.org')].map(storedMember));
  const bad = Array.from({ length: 7 }, (_, i) => ({ ...member(`n-${i}`, `New ${i}`, `new${i}`), role: 'boss' }));
  const text = JSON.stringify({
    kind: 'clm-study-chapter',
    version: 1,
    exportedAt: 9,
    members: [{ ...member('m-1', 'Bo Park-Lee', 'bo@chapter.org', 9), name: { first: 'Bo' } }, ...bad],
    attendance: [],
    sessionChanges: [],
  });
  const { user } = renderRoute('/chapter/share');
  await user.upload(
    await screen.findByLabelText('Import a chapter file'),
    new File([text], 'chapter.json', { type: 'application/json' }),
  );
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Nothing was imported from chapter.json: the file has these problems.');
  expect(
    within(alert)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual([
    'Member 1 (bo@chapter.org), name: is an object, not text',
    'Member 2 (New 0), email: "new0" is not an email address.',
    'Member 2 (New 0), role: "boss" is not one of candidate, clm, guest',
    'Member 3 (New 1), email: "new1" is not an email address.',
    'Member 3 (New 1), role: "boss" is not one of candidate, clm, guest',
    'and 10 more problems',
  ]);
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
  expect((await db.members.toArray()).map((m) => m.name)).toEqual(['Bo Park']);
});
