// Settings' backup and storage: export saves one file of everything, a restore shows what it
// will add and replace before it writes, a bad file is refused with nothing written, and the
// storage's state is said in plain words.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { resetDb } from '../fixtures/db';
import { renderRoute } from '../fixtures/render';
import { db } from '../../src/db/db';
import { recordAnswer } from '../../src/db/answers';
import { dumpAll } from '../../src/db/backup';
import { readText } from '../../src/components/ui/files';

const saved: { name: string; blob: Blob }[] = [];

beforeEach(async () => {
  await resetDb();
  saved.length = 0;
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:backup';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (blob) saved.push({ name: this.download, blob });
  });
  Object.defineProperty(navigator, 'storage', {
    configurable: true,
    value: {
      persisted: () => Promise.resolve(false),
      persist: () => Promise.resolve(false),
      estimate: () => Promise.resolve({ usage: 2.5 * 1024 * 1024, quota: 10 * 1024 ** 3 }),
    },
  });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('Settings: backup', () => {
  it('exports every record, then restores them after the data is gone, showing what it adds first', async () => {
    await recordAnswer({ questionId: 'q1', choice: [1], correct: true, context: 'area:finance' });
    const before = await dumpAll();
    const { user } = renderRoute('/settings');
    const backup = await screen.findByRole('region', { name: 'Backup' });
    expect(await within(backup).findByRole('note')).toHaveTextContent(/not saved a backup yet/);
    expect(await screen.findByText(/Persistent storage is not granted/)).toBeInTheDocument();
    expect(screen.getByText('Using 2.5 MB of the 10.0 GB this browser allows.')).toBeInTheDocument();

    await user.click(within(backup).getByRole('button', { name: 'Export my data' }));
    await vi.waitFor(() =>
      expect(within(backup).getByRole('status')).toHaveTextContent(/Saved clm-study-backup-\d{4}-\d\d-\d\d\.json/),
    );
    expect(saved).toHaveLength(1);
    // The export is remembered: the reminder goes.
    await vi.waitFor(() => expect(within(backup).queryByRole('note')).not.toBeInTheDocument());

    await resetDb();
    const text = await readText(saved[0]?.blob ?? new Blob());
    const file = new File([text], saved[0]?.name ?? 'backup.json', { type: 'application/json' });
    await user.upload(within(backup).getByLabelText('Restore from a backup file'), file);
    expect(await within(backup).findByText('answers: 1 added, 0 replaced')).toBeInTheDocument();
    expect(await db.answers.count()).toBe(0);
    await user.click(within(backup).getByRole('button', { name: 'Restore' }));
    expect(await within(backup).findByText(/Restored: your data/)).toBeInTheDocument();
    const after = await dumpAll();
    expect(after.answers).toEqual(before.answers);
    expect(after.progress).toEqual(before.progress);
  });

  it('refuses a damaged file with the reason, and writes nothing', async () => {
    await recordAnswer({ questionId: 'q1', choice: [0], correct: false, context: 'area:finance' });
    const before = await dumpAll();
    const { user } = renderRoute('/settings');
    const backup = await screen.findByRole('region', { name: 'Backup' });
    const file = new File(['{"format":"clm-study-backup","version":1,'], 'cut.json', { type: 'application/json' });
    await user.upload(within(backup).getByLabelText('Restore from a backup file'), file);
    await vi.waitFor(() =>
      expect(within(backup).getByRole('status')).toHaveTextContent(
        'This file cannot be restored. The file is not complete JSON: it may be truncated or damaged.',
      ),
    );
    expect(within(backup).queryByRole('button', { name: 'Restore' })).not.toBeInTheDocument();
    expect(await dumpAll()).toEqual(before);
  });
});
