// "Retry the ones I missed", shared by the set summary and the exam report: starts a tutor set
// of the missed questions (through the feature's own data operation) and opens it; a failure
// says what happened and lets the candidate try again.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';

export function useRetry(start: () => Promise<{ id: string } | undefined>) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    try {
      const set = await start();
      if (set) navigate(paths.practiceSet.href(set.id));
      else setBusy(false);
    } catch (err) {
      setError(`The retry set could not be started (${(err as Error).message}).`);
      setBusy(false);
    }
  };
  return { retry, busy, error };
}
