// The dashboard itself, drawn from figures it is given: live ones from storage, or those of a
// device that has studied nothing yet (no database code loaded for those).
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ScoreChart } from '../../components/ui/score-chart';
import { forecastReviews } from '../../lib/forecast';
import { READINESS_MIN_ANSWERED, READINESS_MIN_PER_AREA, localDay } from '../../lib/progress';
import type { QuestionPlace } from '../../content/types';
import { computeDashboard } from './dashboard';
import type { ProgressData } from './places';
import { MasteryBars } from './mastery-bars';
import { ReviewForecast } from './review-forecast';
import { StudyCalendar } from './study-calendar';

function duration(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function Dashboard({ bank, data }: { bank: QuestionPlace[]; data: ProgressData }) {
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
