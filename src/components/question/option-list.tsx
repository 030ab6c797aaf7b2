// The options of one question, shared by practice, timed sets, the exam and the exam review.
// Before checking they are radios or checkboxes; once revealed, each option says in words and
// with an icon (never colour alone) whether it is the correct answer and whether it was the
// candidate's, and shows its rationale when the content has one.
import type { Question } from '../../content/types';
import { InlineHtml, ContentHtml } from '../ui/html';
import { LETTERS } from '../../lib/keys';
import './question.css';

interface Props {
  question: Question;
  /** Display order: content indexes. */
  order: readonly number[];
  chosen: readonly number[];
  /** Group name for the inputs (unique per question on the page). */
  name: string;
  onToggle?: (contentIndex: number) => void;
  /** Show right and wrong (after checking, in a review). */
  revealed: boolean;
  disabled?: boolean;
}

export function OptionList({ question, order, chosen, name, onToggle, revealed, disabled }: Props) {
  return (
    <fieldset disabled={disabled || revealed} className="option-set">
      <legend>{question.multi ? 'Choose all that apply (scored all or nothing)' : 'Choose one answer'}</legend>
      <ul className="options">
        {order.map((i, slot) => {
          const o = question.options[i];
          if (!o) return null;
          const mine = chosen.includes(i);
          const state = !revealed ? '' : o.correct ? 'is-correct' : mine ? 'is-wrong' : 'is-other';
          return (
            <li key={i} className={`option ${state}`}>
              <label>
                <input
                  type={question.multi ? 'checkbox' : 'radio'}
                  name={name}
                  checked={mine}
                  onChange={() => onToggle?.(i)}
                />
                <span className="letter" aria-hidden="true">
                  {LETTERS[slot]}
                </span>
                <span className="option-body">
                  <span className="option-text">
                    <InlineHtml html={o.html} />
                  </span>
                  {revealed && (o.correct || mine) && (
                    <span className="option-tags">
                      {o.correct && (
                        <span className="tag tag-correct">
                          <span aria-hidden="true">✓ </span>Correct answer
                        </span>
                      )}
                      {mine && (
                        <span className={o.correct ? 'tag tag-yours-right' : 'tag tag-wrong'}>
                          <span aria-hidden="true">{o.correct ? '' : '✗ '}</span>Your answer
                        </span>
                      )}
                    </span>
                  )}
                  {revealed && o.rationaleHtml && <ContentHtml html={o.rationaleHtml} className="rationale" />}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
