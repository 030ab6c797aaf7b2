import { Link, useLoaderData } from 'react-router';
import { content, loadAllQuestions } from '../../content/runtime';
import type { Question } from '../../content/types';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { ScoreChart } from '../../components/ui/score-chart';
import { READINESS_EXPLAINED, type Mastery } from '../../lib/progress';
import { computeDashboard } from './dashboard';
import { useProgressData } from './data';

export function loader(): Promise<Question[]> {
  return loadAllQuestions();
}

function describe(m: Mastery | undefined): string {
  if (!m || m.seen === 0) return 'not started';
  return `${m.accuracy}% right (${m.right} of ${m.seen} answered)`;
}

function Row({
  label,
  m,
  level,
  href,
}: {
  label: string;
  m: Mastery | undefined;
  level: 'area' | 'sub' | 'comp';
  href: string;
}) {
  return (
    <tr>
      <th scope="row" className={level === 'area' ? '' : level}>
        <Link to={href}>{label}</Link>
      </th>
      <td>{describe(m)}</td>
      <td>
        {m?.seen ?? 0} / {m?.total ?? 0}
      </td>
    </tr>
  );
}

export function Component() {
  const bank = useLoaderData() as Question[];
  const data = useProgressData();
  return (
    <>
      <PageTitle title="Your progress">Your progress</PageTitle>
      {!data ? <p className="muted">Loading…</p> : <Dashboard bank={bank} data={data} />}
    </>
  );
}

function Dashboard({ bank, data }: { bank: Question[]; data: NonNullable<ReturnType<typeof useProgressData>> }) {
  const d = computeDashboard(content, bank, data.seen, data.missed, data.days);
  const set = (source: string) => paths.practice.href(source);
  return (
    <>
      <section aria-labelledby="readiness" className="card">
        <h2 id="readiness">Readiness</h2>
        <p className="big">{d.readiness}%</p>
        <p className="muted">{READINESS_EXPLAINED}</p>
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
          <dd>{d.minutes < 60 ? `${d.minutes} min` : `${Math.floor(d.minutes / 60)} h ${d.minutes % 60} min`}</dd>
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
      <h2>Mastery by area</h2>
      <p className="muted">Mastery is the share right on your latest try at each question you have answered.</p>
      <div className="table-scroll" role="region" aria-label="Mastery by area, sub-area and competency" tabIndex={0}>
        <table className="mastery">
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Mastery</th>
              <th scope="col">Seen</th>
            </tr>
          </thead>
          <tbody>
            {content.areas.flatMap((a) => [
              <Row key={a.id} label={a.title} m={d.byArea.get(a.id)} level="area" href={set(`area:${a.id}`)} />,
              ...a.subareas.flatMap((s) => [
                <Row key={s.id} label={s.title} m={d.bySubarea.get(s.id)} level="sub" href={set(`subarea:${s.id}`)} />,
                ...s.competencies.map((c) => (
                  <Row
                    key={c.id}
                    label={c.title}
                    m={d.byCompetency.get(c.id)}
                    level="comp"
                    href={set(`competency:${c.id}`)}
                  />
                )),
              ]),
            ])}
          </tbody>
        </table>
      </div>
      <h2>Mock exam history</h2>
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
    </>
  );
}
