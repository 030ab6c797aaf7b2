// Every form of the study group: disabled while it saves (a double click saves once), and a
// failure says what happened, by the one write rule (src/lib/write-error.ts).
import { useWrite } from './data';

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function useSubmit() {
  const { saving, error, setError, run } = useWrite();
  /** `failed` says what was not stored, as a clause: "this member was not added". */
  const submit = async (f: () => Promise<void>, failed = 'nothing was saved') => {
    await run(f, failed);
  };
  return { saving, error, setError, run: submit };
}
