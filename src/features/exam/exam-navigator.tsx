import { useRef, useState } from 'react';
import type { Question } from '../../content/types';
import type { AttemptRecord } from '../../db/db';

interface Props {
  questions: Question[];
  attempt: AttemptRecord;
  index: number;
  goTo: (i: number, focusQuestion?: boolean) => void;
}

/**
 * Every question of the exam as a compact grid: answered, flagged or blank. On a laptop it sits
 * under the question; on a phone it opens as a sheet from a button, so it never pushes the
 * question off screen. Arrow keys, Home and End move between questions.
 */
export function ExamNavigator({ questions, attempt, index, goTo }: Props) {
  const [open, setOpen] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const answered = questions.filter((q) => (attempt.responses[q.id]?.choice.length ?? 0) > 0).length;

  const onKey = (e: React.KeyboardEvent, i: number) => {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const target = e.key === 'Home' ? 0 : e.key === 'End' ? questions.length - 1 : step ? i + step : -1;
    if (target < 0 || target >= questions.length) return;
    e.preventDefault();
    refs.current[target]?.focus();
    goTo(target, false);
  };

  return (
    <div className={`navigator-wrap${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="button-secondary navigator-toggle"
        aria-expanded={open}
        aria-controls="exam-navigator"
        onClick={() => setOpen((o) => !o)}
      >
        All questions · {answered} of {questions.length} answered
      </button>
      <nav
        id="exam-navigator"
        aria-label="Question navigator"
        className="navigator"
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        <p className="navigator-sheet-head">
          <span>
            {answered} of {questions.length} answered
          </span>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            Close
          </button>
        </p>
        <p className="muted legend">
          <span className="dot dot-answered" /> answered <span className="dot dot-flagged" /> flagged{' '}
          <span className="dot" /> blank<span className="hint-keyboard"> · arrow keys move</span>
        </p>
        <ol>
          {questions.map((q, i) => {
            const done = (attempt.responses[q.id]?.choice.length ?? 0) > 0;
            const flag = attempt.marked.includes(q.id);
            const state = [done ? 'answered' : 'blank', flag ? 'flagged' : ''].filter(Boolean).join(', ');
            return (
              <li key={q.id}>
                <button
                  ref={(el) => {
                    refs.current[i] = el;
                  }}
                  type="button"
                  className={`nav-q${done ? ' is-answered' : ''}${flag ? ' is-flagged' : ''}`}
                  aria-label={`Question ${i + 1}: ${state}`}
                  aria-current={i === index ? 'step' : undefined}
                  tabIndex={i === index ? 0 : -1}
                  onClick={() => {
                    setOpen(false);
                    goTo(i);
                  }}
                  onKeyDown={(e) => onKey(e, i)}
                >
                  {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}
