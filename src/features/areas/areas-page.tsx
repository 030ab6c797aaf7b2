import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';

export default function AreasPage() {
  const { areas, counts } = content;
  return (
    <>
      <PageTitle title="Exam areas">Exam areas</PageTitle>
      <p>The CLM exam covers four domains. Their weights are the share of the exam's questions each one gets.</p>
      <ul className="tiles">
        {areas.map((a) => (
          <li key={a.id}>
            <Link className="tile" to={paths.area.href(a.id)}>
              <span className="tile-title">{a.title}</span>
              <span className="muted">
                {a.weight}% of the exam · {a.subareas.length} sub-areas · {counts.byArea[a.id] ?? 0} questions
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
