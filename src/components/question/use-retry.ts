// "Retry the ones I missed", shared by the set summary and the exam report: starts a tutor set
// of the missed questions (through the feature's own data operation) and opens it; a failure
// says what happened (the one write rule) and lets the candidate try again. A double click
// starts one set.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../config/paths';
import { useWrite } from '../../db/use-write';

export function useRetry(start: () => Promise<{ id: string } | undefined>) {
  const navigate = useNavigate();
  const { run, saving, error } = useWrite();
  // Still disabled once started, while the set's page loads.
  const [leaving, setLeaving] = useState(false);
  const retry = () =>
    run(async () => {
      const set = await start();
      if (!set) return;
      setLeaving(true);
      navigate(paths.practiceSet.href(set.id));
    }, 'the retry set was not started');
  return { retry, busy: saving || leaving, error };
}
