// Mastery as bars: per exam domain and sub-area, with each sub-area's competencies folded
// away. A bar is the whole question pool: solid for questions right on the latest try,
// hatched for those answered wrong, empty for those not yet answered. The words beside it
// carry the same numbers.
import { Link } from 'react-router';
import { Fold } from '../../components/ui/fold';
import type { Area } from '../../content/types';
import { paths } from '../../config/paths';
import type { Mastery } from '../../lib/progress';
import type { Dashboard } from './dashboard';

const practise = (source: string) => paths.practice.href(source);

export function describeMastery(m: Mastery | undefined): string {
  if (!m || m.seen === 0) return `not started · 0 of ${m?.total ?? 0} answered`;
  return `${m.accuracy}% right · ${m.seen} of ${m.total} answered`;
}

function Bar({ m }: { m: Mastery | undefined }) {
  const total = Math.max(1, m?.total ?? 0);
  const right = ((m?.right ?? 0) / total) * 100;
  const wrong = (((m?.seen ?? 0) - (m?.right ?? 0)) / total) * 100;
  return (
    <span className="bar" aria-hidden="true">
      <span className="bar-right" style={{ width: `${right}%` }} />
      <span className="bar-wrong" style={{ width: `${wrong}%` }} />
    </span>
  );
}

function Line({ title, href, m, strong }: { title: string; href: string; m: Mastery | undefined; strong?: boolean }) {
  return (
    <div className={strong ? 'bar-line bar-line-strong' : 'bar-line'}>
      <span className="bar-label">
        <Link to={href}>{title}</Link>
        <span className="bar-figure">{describeMastery(m)}</span>
      </span>
      <Bar m={m} />
    </div>
  );
}

function AreaBars({ area, d }: { area: Area; d: Dashboard }) {
  return (
    <li className="mastery-area">
      <Line title={area.title} href={practise(`area:${area.id}`)} m={d.byArea.get(area.id)} strong />
      <ul className="mastery-subareas">
        {area.subareas.map((s) => (
          <li key={s.id}>
            <Line title={s.title} href={practise(`subarea:${s.id}`)} m={d.bySubarea.get(s.id)} />
            {s.competencies.length > 0 && (
              <Fold
                className="mastery-competencies"
                summary={`${s.competencies.length} ${s.competencies.length === 1 ? 'competency' : 'competencies'}`}
              >
                {() => (
                  <ul>
                    {s.competencies.map((c) => (
                      <li key={c.id}>
                        <Line title={c.title} href={practise(`competency:${c.id}`)} m={d.byCompetency.get(c.id)} />
                      </li>
                    ))}
                  </ul>
                )}
              </Fold>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

export function MasteryBars({ areas, d }: { areas: readonly Area[]; d: Dashboard }) {
  return (
    <>
      <p className="bar-legend muted">
        <span className="key key-right" aria-hidden="true" /> right on the latest try{' '}
        <span className="key key-wrong" aria-hidden="true" /> answered wrong{' '}
        <span className="key key-unseen" aria-hidden="true" /> not yet answered
      </p>
      <ul className="mastery-areas" aria-label="Mastery by area and sub-area">
        {areas.map((a) => (
          <AreaBars key={a.id} area={a} d={d} />
        ))}
      </ul>
    </>
  );
}
