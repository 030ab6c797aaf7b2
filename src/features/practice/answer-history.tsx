import { formatWhen } from '../../lib/dates';
import { useAnswersTo } from './data';

/** Earlier answers to a question (not the one just given), folded. */
export function AnswerHistory({
  questionId,
  exclude,
  initialAt,
}: {
  questionId: string;
  exclude?: number | undefined;
  initialAt?: number | undefined;
}) {
  const earlier = useAnswersTo(questionId);
  const previous = (earlier ?? []).filter((a) => a.id !== exclude && a.at !== initialAt);
  const last = previous[0];
  if (!last) return null;
  return (
    <details className="history">
      <summary>
        Answered {previous.length} {previous.length === 1 ? 'time' : 'times'} before · last time{' '}
        {last.correct ? 'right' : 'wrong'}
      </summary>
      <ul>
        {previous.slice(0, 10).map((a) => (
          <li key={a.id}>
            {formatWhen(a.at)}: {a.correct ? 'right' : 'wrong'}
          </li>
        ))}
      </ul>
    </details>
  );
}
