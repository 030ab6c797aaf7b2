// Every form of the study group: disabled while it saves, and a failure says what happened.
import { useRef, useState } from 'react';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function useSubmit() {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A ref as well as state: a double click arrives before React re-renders the disabled button.
  const busy = useRef(false);
  const run = async (f: () => Promise<void>, failure = 'Nothing was saved') => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(`${failure}: ${errorText(err)}`);
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };
  return { saving, error, setError, run };
}
