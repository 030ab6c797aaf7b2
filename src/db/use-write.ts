// The one way screens run a write: awaited, checked, and said plainly when it fails (the rule in
// src/lib/write-error.ts), with the screen's change undone; a full disk also reaches the
// banner. While a write runs its button is disabled, and a second click (which arrives before
// React re-renders the button) is ignored, so a double click never stores twice.
import { useCallback, useRef, useState } from 'react';
import { writeFailureMessage } from '../lib/write-error';
import { noteWrite } from './note-write';

export interface RunOptions {
  /** Puts the screen back as it was before the write (what is stored). */
  undo?: () => void;
  /**
   * False lets writes of this screen overlap (choosing options in an exam: each is its own
   * transaction, stored in order, and repeating one stores the same value).
   */
  exclusive?: boolean;
}

export interface Write {
  /** True while an exclusive write runs: disable the buttons that write. */
  saving: boolean;
  /** What the last failure said; null once a write is stored. */
  error: string | null;
  setError: (error: string | null) => void;
  /**
   * Runs one write. `failed` says what was not stored, as a clause ("this answer was not
   * saved"). Resolves true when it was stored, false when it failed or was ignored.
   */
  run: (write: () => Promise<unknown>, failed: string, options?: RunOptions) => Promise<boolean>;
}

export function useWrite(): Write {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(
    async (write: () => Promise<unknown>, failed: string, { undo, exclusive = true }: RunOptions = {}) => {
      if (exclusive) {
        if (busy.current) return false;
        busy.current = true;
        setSaving(true);
      }
      try {
        await write();
        noteWrite();
        setError(null);
        return true;
      } catch (err) {
        undo?.();
        noteWrite(err);
        setError(writeFailureMessage(err, failed));
        return false;
      } finally {
        if (exclusive) {
          busy.current = false;
          setSaving(false);
        }
      }
    },
    [],
  );
  return { saving, error, setError, run };
}
