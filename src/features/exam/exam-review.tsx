import { useState } from 'react';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';
import { findArea, findSubarea } from '../../content/runtime';
import { ContentHtml, InlineHtml } from '../../components/ui/html';
import { OptionList } from '../../components/question/option-list';
import { formatClock } from '../../lib/exam-clock';
import { optionOrder } from '../../lib/random';
import { reviewGroups, type ReviewFilter } from '../../lib/exam-review';
import { examPace } from './data';

const FILTERS: { id: ReviewFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'wrong', label: 'Wrong' },
  { id: 'flagged', label: 'Flagged' },
  { id: 'unanswered', label: 'Unanswered' },
];

/** Every question of a submitted exam: filters, the candidate's answer, right and wrong, time spent. */
export function ExamReview({ attempt, questions }: { attempt: AttemptRecord; questions: Question[] }) {
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const groups = reviewGroups(
    attempt,
    questions.map((q) => q.id),
  );
  const shown = new Set(groups[filter]);
  const times = questions.map((q) => attempt.timeByQuestion?.[q.id] ?? 0).filter((t) => t > 0);
  const average = times.length > 0 ? times.reduce((s, t) => s + t, 0) / times.length : 0;
  return (
    <section aria-labelledby="review" className="stack">
      <h2 id="review">Review every question</h2>
      {average > 0 && (
        <p>
          Average time per question: {formatClock(average)} (the real exam&apos;s pace is {formatClock(examPace())}).
        </p>
      )}
      <fieldset className="segmented review-filters">
        <legend>Show</legend>
        {FILTERS.map((f) => (
          <label key={f.id}>
            <input type="radio" name="review-filter" checked={filter === f.id} onChange={() => setFilter(f.id)} />
            <span>
              {f.label} ({groups[f.id].length})
            </span>
          </label>
        ))}
      </fieldset>
      {shown.size === 0 && <p className="muted">No questions in this view.</p>}
      <ol className="review-list">
        {questions.map((q, n) =>
          shown.has(q.id) ? <ReviewItem key={q.id} n={n + 1} q={q} attempt={attempt} /> : null,
        )}
      </ol>
    </section>
  );
}

function ReviewItem({ n, q, attempt }: { n: number; q: Question; attempt: AttemptRecord }) {
  const r = attempt.responses[q.id];
  const answered = (r?.choice.length ?? 0) > 0;
  const verdict = !answered ? 'Unanswered' : r?.correct ? 'Right' : 'Wrong';
  const spent = attempt.timeByQuestion?.[q.id];
  return (
    <li className="card" value={n}>
      <h3 className="exam-review-meta">
        <span>Question {n}</span>
        <span className={r?.correct ? 'tag tag-correct' : 'tag tag-wrong'}>
          <span aria-hidden="true">{r?.correct ? '✓ ' : '✗ '}</span>
          {verdict}
        </span>
        {attempt.marked.includes(q.id) && <span className="tag">Flagged</span>}
      </h3>
      <p className="muted exam-review-meta">
        <span>{findSubarea(q.subarea)?.subarea.title ?? findArea(q.area)?.title}</span>
        {spent !== undefined && <span>Time: {formatClock(spent)}</span>}
      </p>
      <details>
        <summary>Show the question, the answers and the explanation</summary>
        <ContentHtml html={q.stemHtml} className="stem" />
        <OptionList
          question={q}
          order={optionOrder(q.options.length, attempt.seed, q.id)}
          chosen={r?.choice ?? []}
          name={`review-${q.id}`}
          revealed
        />
        {q.explanationHtml && <ContentHtml html={q.explanationHtml} className="explanation" />}
        {q.referenceHtml && (
          <p className="reference">
            Reference: <InlineHtml html={q.referenceHtml} />
          </p>
        )}
      </details>
    </li>
  );
}
