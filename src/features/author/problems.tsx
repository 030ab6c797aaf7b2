// The draft's problems, each at its file, line and column, each a button that takes the cursor
// there. Announced politely as they change (not on every keystroke: the count, after a check).
import { memo } from 'react';
import type { ContentIssue } from '../../content/types';
import { QUESTIONS_FILE } from '../../content/pack-check';

export type FileName = 'session' | 'questions';

export const Problems = memo(function Problems({
  issues,
  checking,
  onGo,
}: {
  issues: ContentIssue[] | undefined;
  checking: boolean;
  onGo: (file: FileName, line: number, column: number) => void;
}) {
  const count = issues?.length ?? 0;
  return (
    <section aria-labelledby="problems" className="card author-problems">
      <h2 id="problems">
        Problems <span className="muted">({issues === undefined ? '…' : count})</span>
      </h2>
      <p role="status" className="muted">
        {issues === undefined
          ? 'Checking…'
          : count === 0
            ? checking
              ? 'Checking…'
              : 'No problems: this pack can be exported and published.'
            : `${count === 1 ? '1 problem' : `${count} problems`} to fix before the pack can be exported or published.`}
      </p>
      {count > 0 && (
        <ul className="problem-list">
          {issues?.map((i, n) => {
            const file: FileName = i.path === QUESTIONS_FILE ? 'questions' : 'session';
            return (
              <li key={n}>
                <button type="button" className="link-button" onClick={() => onGo(file, i.line, i.column)}>
                  {file === 'session' ? 'Session file' : 'Question file'}, line {i.line}, column {i.column}
                </button>
                : {i.message}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
