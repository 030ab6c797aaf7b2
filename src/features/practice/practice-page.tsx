import { useCallback, useMemo, useState } from 'react';
import { Link, useLoaderData, useParams, useSearchParams } from 'react-router';
import { findArea, findSession } from '../../content/runtime';
import { paths } from '../../config/paths';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import type { Question } from '../../content/types';
import { QuestionCard } from './question-card';
import { recordAnswer, useProgressFor } from './data';
import { isCorrectChoice } from '../../lib/scoring';
import { selectRound, usePracticeStore } from './store';

interface PracticeSet {
  key: string;
  title: string;
  back: { href: string; label: string };
}

function usePracticeSet(kind: 'area' | 'session'): PracticeSet | undefined {
  const { areaId, sessionId } = useParams();
  if (kind === 'area') {
    const area = findArea(areaId);
    return (
      area && { key: `area:${area.id}`, title: area.title, back: { href: paths.area.href(area.id), label: area.title } }
    );
  }
  const session = findSession(sessionId);
  return (
    session && {
      key: `session:${session.id}`,
      title: session.title,
      back: { href: paths.session.href(session.id), label: session.title },
    }
  );
}

export function PracticePage({ kind }: { kind: 'area' | 'session' }) {
  const set = usePracticeSet(kind);
  if (!set) return <NotFound what={kind} />;
  return <Practice set={set} />;
}

export const PracticeAreaPage = () => <PracticePage kind="area" />;
export const PracticeSessionPage = () => <PracticePage kind="session" />;

function Practice({ set }: { set: PracticeSet }) {
  // Loaded by the route (src/app/router.tsx) before the page shows.
  const questions = useLoaderData() as Question[];
  return (
    <>
      <PageTitle title={`Practice: ${set.title}`}>Practice: {set.title}</PageTitle>
      <p>
        <Link to={set.back.href}>Back to {set.back.label}</Link>
      </p>
      {questions.length === 0 ? (
        <p>There are no questions here yet.</p>
      ) : (
        <Round key={set.key} setKey={set.key} questions={questions} />
      )}
    </>
  );
}

function Round({ setKey, questions }: { setKey: string; questions: Question[] }) {
  const [params, setParams] = useSearchParams();
  const ids = useMemo(() => questions.map((q) => q.id), [questions]);
  const progress = useProgressFor(ids);
  const [moved, setMoved] = useState(false);
  const round = usePracticeStore(selectRound(setKey));
  const noteAnswer = usePracticeStore((s) => s.noteAnswer);
  const resetRound = usePracticeStore((s) => s.resetRound);
  const requested = params.get('q');
  const done = params.get('done') === '1';
  const index = Math.max(0, ids.indexOf(requested ?? ''));
  const question = questions[index];
  const goTo = useCallback(
    (i: number) => {
      const id = ids[i];
      if (id === undefined) return;
      setMoved(true);
      setParams({ q: id });
    },
    [ids, setParams],
  );

  const seen = progress ? progress.size : 0;
  const rightLast = progress ? [...progress.values()].filter((p) => p.lastCorrect).length : 0;

  if (done) {
    return (
      <section aria-labelledby="round-done" className="card">
        <h2 id="round-done">Round complete</h2>
        <p>
          This round: {round.correct} of {round.answered} right.
        </p>
        <p>
          Of all {ids.length} questions here you have answered {seen}; {rightLast} were right on your last try.
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            resetRound(setKey);
            goTo(0);
          }}
        >
          Start again
        </button>
      </section>
    );
  }

  if (!question) return null;
  const last = index === ids.length - 1;
  return (
    <>
      <p className="progress-line muted">
        Answered {seen} of {ids.length}
        {round.answered > 0 && ` · this round ${round.correct} of ${round.answered} right`}
      </p>
      <QuestionCard
        key={question.id}
        question={question}
        heading={`Question ${index + 1} of ${ids.length}`}
        moved={moved}
        onCheck={async (choice, ms) => {
          const record = await recordAnswer({
            questionId: question.id,
            choice,
            correct: isCorrectChoice(question.options, choice),
            context: setKey,
            ms,
          });
          noteAnswer(setKey, record.correct);
          return { correct: record.correct, record };
        }}
        next={
          <button
            type="button"
            className="button"
            data-next
            onClick={() => (last ? setParams({ q: question.id, done: '1' }) : goTo(index + 1))}
          >
            {last ? 'Finish round' : 'Next question'}
          </button>
        }
      />
      <nav aria-label="Questions" className="pager">
        <button type="button" className="button-secondary" disabled={index === 0} onClick={() => goTo(index - 1)}>
          Previous
        </button>
        <button type="button" className="button-secondary" disabled={last} onClick={() => goTo(index + 1)}>
          Skip
        </button>
      </nav>
    </>
  );
}

export default PracticeAreaPage;
