// A file refused whole by an import (chapter file, hours file, roster CSV): nothing was
// written, and its first problems by record and field, so the sender can fix the file.
import { ImportRefused } from '../../lib/import-problems';
import './import-refusal.css';

/** The problems of a refused import, or undefined when the error is of another kind. */
export function refusedProblems(err: unknown): string[] | undefined {
  return err instanceof ImportRefused ? err.problems : undefined;
}

export function ImportRefusal({ file, problems }: { file: string; problems: readonly string[] }) {
  const many = problems.length > 1;
  return (
    <div role="alert" className="notice notice-error import-refusal">
      <p>
        Nothing was imported from {file}: {many ? 'the file has these problems' : 'the file has this problem'}. Fix the
        file, or ask for a new export, and choose it again.
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
