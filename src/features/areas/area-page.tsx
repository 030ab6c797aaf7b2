import { Link, useParams } from 'react-router';
import { allSessions, findArea, useBankCounts } from '../../content/runtime';
import { paths } from '../../config/paths';
import { ContentHtml } from '../../components/ui/html';
import { NotFound } from '../../components/ui/not-found';
import { PageTitle } from '../../components/ui/page-title';
import { formatDate, formatHours } from '../../lib/dates';

export default function AreaPage() {
  const { areaId } = useParams();
  const counts = useBankCounts(); // with the installed packs' questions
  const area = findArea(areaId);
  if (!area) return <NotFound what="area" />;
  const sessions = allSessions().filter((s) => s.area === area.id);
  const total = counts.byArea[area.id] ?? 0;
  return (
    <>
      <PageTitle title={area.title}>{area.title}</PageTitle>
      <p className="lede">
        {area.weight}% of the exam · {total} practice questions
      </p>
      {total > 0 && (
        <p>
          <Link className="button" to={paths.practiceArea.href(area.id)}>
            Practise all {total} questions
          </Link>
        </p>
      )}
      <ContentHtml html={area.overviewHtml} />
      <h2>Sub-areas and competencies</h2>
      {area.subareas.map((sub) => (
        <section key={sub.id} aria-labelledby={`sub-${sub.id}`} className="card">
          <h3 id={`sub-${sub.id}`}>
            {sub.title} <span className="muted">({sub.weight}% of the exam)</span>
          </h3>
          {(counts.bySubarea[sub.id] ?? 0) > 0 && (
            <p>
              <Link to={paths.practice.href(`subarea:${sub.id}`)}>
                Practise {sub.title} ({counts.bySubarea[sub.id]} questions)
              </Link>
            </p>
          )}
          <ul className="competencies">
            {sub.competencies.map((c) => (
              <li key={c.id}>
                {(counts.byCompetency[c.id] ?? 0) > 0 ? (
                  <Link to={paths.practice.href(`competency:${c.id}`)}>{c.title}</Link>
                ) : (
                  <span>{c.title}</span>
                )}{' '}
                <span className="muted">
                  {counts.byCompetency[c.id] ?? 0} {counts.byCompetency[c.id] === 1 ? 'question' : 'questions'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Sessions on this area</h2>
      {sessions.length === 0 ? (
        <p>No session of this season covers this area yet.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={paths.session.href(s.id)}>{s.title}</Link>{' '}
              <span className="muted">
                {formatDate(s.date)} · {formatHours(s.hours)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
