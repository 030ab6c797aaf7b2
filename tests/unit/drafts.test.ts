import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { readDraft, saveDraft, type Draft } from '../../src/db/drafts';

const draft = (n: number): Draft => ({
  session: `session ${n}`,
  questions: `questions ${n}`,
  version: 1,
  updatedAt: n,
});

afterEach(() => vi.restoreAllMocks());

describe('the Author draft', () => {
  it('keeps the latest text when a typist saves faster than IndexedDB writes, and resolves every save', async () => {
    const put = vi.spyOn(db.drafts, 'put');
    const saves = [1, 2, 3, 4, 5].map((n) => saveDraft(draft(n)));
    await Promise.all(saves);
    expect(await readDraft()).toEqual(draft(5));
    expect(put.mock.calls.length).toBeLessThan(5);
  });

  it('waits for an idle moment to write, and writes at once when the page is left', async () => {
    const put = vi.spyOn(db.drafts, 'put');
    const saved = saveDraft(draft(6));
    await Promise.resolve();
    expect(put).not.toHaveBeenCalled();
    dispatchEvent(new Event('pagehide'));
    await Promise.resolve();
    await Promise.resolve();
    expect(put).toHaveBeenCalledTimes(1);
    await saved;
    expect(await readDraft()).toEqual(draft(6));
  });

  it('says when a write fails, and the next change is saved', async () => {
    vi.spyOn(db.drafts, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(saveDraft(draft(7))).rejects.toThrow('full');
    expect(await readDraft()).toEqual(draft(6));
    await saveDraft(draft(8));
    expect(await readDraft()).toEqual(draft(8));
  });
});
