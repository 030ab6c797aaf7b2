import { useDeferredValue } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { ScoreChart } from '../../components/ui/score-chart';
import { forecastReviews } from '../../lib/forecast';
import {
  READINESS_MIN_ANSWERED,
  READINESS_MIN_PER_AREA,
  READINESS_RANGE_EXPLAINED,
  localDay,
} from '../../lib/progress';
import { computeDashboard } from './dashboard';
import { useProgressData, useQuestionPlaces, type ProgressData } from './data';
import type { QuestionPlace } from '../../content/types';
import { MasteryBars } from './mastery-bars';
import { ReviewForecast } from './review-forecast';
import { StudyCalendar } from './study-calendar';

export function Component() {
  // Drawn as a transition: the whole dashboard fills in in slices that yield to the browser.
  const data = useDeferredValue(useProgressData());
  const bank = useDeferredValue(useQuestionPlaces());
  return (
    <>
      <PageTitle title="Your progress">Your progress</PageTitle>
      {/* Above the figures, and the same on every device: it is drawn at build time. */}
      <p className="lede" id="readiness-explained">
        {READINESS_RANGE_EXPLAINED}
      </p>
      <noscript>
        <p className="notice">Your progress is kept in this browser and needs JavaScript to show: turn it on.</p>
      </noscript>
      {!data || !bank ? (
        // Empty, so it says nothing wrong without JavaScript; a screen tall, so the footer is out
        // of view and nothing visible moves when the figures fill in.
        <div className="loading-screen" />
      ) : (
        <Dashboard bank={bank} data={data} />
      )}
    </>
  );
}

function duration(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function Dashboard({ bank, data }: { bank: QuestionPlace[]; data: ProgressData }) {
  const d = computeDashboard(content, bank, data.seen, data.missed, data.days, data.now);
  return (
    <>
      <section aria-labelledby="readiness" aria-describedby="readiness-explained" className="card">
        <h2 id="readiness">Readiness</h2>
        {d.readiness.kind === 'range' ? (
          <p className="big">
            {d.readiness.low}–{d.readiness.high}% <span className="muted">(best estimate {d.readiness.estimate}%)</span>
          </p>
        ) : (
          <p className="big-note">
            Not enough answers yet: {d.readiness.seen} of {READINESS_MIN_ANSWERED}
            {d.readiness.short.length > 0 &&
              `, with at least ${READINESS_MIN_PER_AREA} in ${d.readiness.short.join(', ')}`}
            .
          </p>
        )}
      </section>
      <dl className="figures">
        <div>
          <dt>Questions seen</dt>
          <dd>
            {d.seen} of {d.total}
          </dd>
        </div>
        <div>
          <dt>Time studied</dt>
          <dd>{duration(d.minutes)}</dd>
        </div>
        <div>
          <dt>Daily streak</dt>
          <dd>
            {d.streak} {d.streak === 1 ? 'day' : 'days'}
          </dd>
        </div>
        <div>
          <dt>Mock exams</dt>
          <dd>{data.exams.length}</dd>
        </div>
      </dl>
      <section aria-labelledby="forecast">
        <h2 id="forecast">Reviews coming up</h2>
        <ReviewForecast days={forecastReviews(data.dues, data.now)} />
      </section>
      <section aria-labelledby="mastery">
        <h2 id="mastery">Mastery by area</h2>
        <p className="muted">
          Mastery is the share right on your latest try at each question you have answered. Tap a name to practise it.
        </p>
        <MasteryBars areas={content.areas} d={d} />
      </section>
      <section aria-labelledby="study-days">
        <h2 id="study-days">Study days</h2>
        <StudyCalendar days={data.days} today={localDay(data.now)} />
      </section>
      <section aria-labelledby="exam-history">
        <h2 id="exam-history">Mock exam history</h2>
        {data.exams.length === 0 ? (
          <p className="muted">
            No mock exam yet. <Link to={paths.exam.href()}>Sit one</Link>.
          </p>
        ) : (
          <ScoreChart
            label="Mock exam scores, oldest first"
            points={data.exams.map((a, i) => ({ label: `Exam ${i + 1}`, percent: a.result?.overall.percent ?? 0 }))}
          />
        )}
      </section>
    </>
  );
}
