// Hours view: each member's hours over the held sessions (the one hours rule), sessions missed,
// who can no longer reach the target, and each member's certificate and hours file.
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { download } from '../../components/ui/files';
import { formatHours } from '../../lib/dates';
import { belowTarget } from '../../lib/hours';
import { GroupNav } from './group-nav';
import { exportChapterFile } from './data';
import { useSeason } from './use-season';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

export function Component() {
  const data = useSeason();
  const { error, run } = useSubmit();
  if (!data) return <p className="muted">Loading…</p>;
  const { members, season } = data;
  const { program } = content;
  const below = new Set(belowTarget(members, season, program.season.targetHours).map((m) => m.id));
  const total = season.held.length + season.upcoming.length;
  return (
    <>
      <PageTitle title="Members and hours">Members and hours</PageTitle>
      <GroupNav />
      <p>
        {season.held.length} of {total} sessions held · target {formatHours(program.season.targetHours)} ·{' '}
        {formatHours(season.hoursLeft)} still to come.
      </p>
      {season.cancelledWithCheckIns.map(({ session, count }) => (
        <p key={session.id} className="notice">
          {session.title} is cancelled: its {count} check-in{count === 1 ? ' is' : 's are'} kept but not counted.
        </p>
      ))}
      <FormError error={error} />
      {members.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Hours by member" tabIndex={0}>
          <table className="scores key-columns members-hours">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Hours</th>
                <th scope="col">Attended</th>
                <th scope="col">Missed</th>
                <th scope="col">Certificate</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                const t = season.byMember.get(m.id);
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name}
                      {!m.active && <span className="muted"> (inactive)</span>}
                      {below.has(m.id) && <span className="tag tag-wrong"> below target</span>}
                    </th>
                    <td>
                      {t?.hours ?? 0} of {program.season.targetHours}
                    </td>
                    <td>{t?.attended ?? 0}</td>
                    <td>{t?.missed ?? 0}</td>
                    <td>
                      <Link to={paths.certificate.href(m.id)}>Certificate for {m.name}</Link>
                      <br />
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void run(async () => {
                            download(
                              `hours-${m.name.replace(/\W+/g, '-').toLowerCase()}.json`,
                              'application/json',
                              await exportChapterFile(m.id),
                            );
                          }, `the hours file for ${m.name} was not made`)
                        }
                      >
                        Hours file for {m.name}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {below.size > 0 && (
        <section aria-labelledby="below" className="card wrap-anywhere">
          <h2 id="below">Below target</h2>
          <p>
            These active members cannot reach {formatHours(program.season.targetHours)} even by attending every
            remaining session:
          </p>
          <ul>
            {members
              .filter((m) => below.has(m.id))
              .map((m) => (
                <li key={m.id}>
                  {m.name}: {formatHours(season.byMember.get(m.id)?.hours ?? 0)}
                </li>
              ))}
          </ul>
        </section>
      )}
    </>
  );
}
