import { useState } from 'react';
import { Link } from 'react-router';
import { content } from '../../content/runtime';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { formatHours, todayIn } from '../../lib/dates';
import { applyChanges } from '../../lib/schedule';
import { belowTarget, memberHours } from '../../lib/chapter';
import { attendanceMatrixCsv, rosterCsv } from '../../lib/exports';
import { download, readText } from '../../components/ui/files';
import { exportChapterFile, importChapterFile, useAttendance, useMembers, useSessionChanges } from './data';

export function Component() {
  const members = useMembers();
  const attendance = useAttendance();
  const changes = useSessionChanges();
  const [summary, setSummary] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  if (!members || !attendance || !changes) return <p className="muted">Loading…</p>;
  const { program } = content;
  const sessions = applyChanges(content.sessions, changes).filter((s) => !s.cancelled);
  const today = todayIn(program.timezone);
  const withAttendance = new Set(attendance.filter((a) => a.present).map((a) => a.sessionId));
  const held = sessions.filter((s) => s.date <= today || withAttendance.has(s.id));
  const hoursLeft = sessions.filter((s) => !held.includes(s)).reduce((sum, s) => sum + s.hours, 0);
  const totals = memberHours(
    members,
    attendance,
    held.map((s) => s.id),
  );
  const below = new Set(belowTarget(members, totals, program.season.targetHours, hoursLeft).map((m) => m.id));

  const importFile = async (file: File) => {
    setSummary(null);
    setImportError(null);
    try {
      const s = await importChapterFile(await readText(file));
      setSummary(
        `Imported: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.keptLocal} kept from this device (newer here).`,
      );
    } catch (err) {
      setImportError(`Nothing was changed: ${(err as Error).message}`);
    }
  };

  return (
    <>
      <PageTitle title="Members and hours">Members and hours</PageTitle>
      <p>
        {held.length} of {sessions.length} sessions held · target {formatHours(program.season.targetHours)} ·{' '}
        {formatHours(hoursLeft)} still to come. <Link to={paths.chapter.href()}>Back to the study group</Link>
      </p>
      {members.length === 0 ? (
        <p className="muted">No members yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Hours by member" tabIndex={0}>
          <table className="scores">
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
                const t = totals.get(m.id)!;
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.name}
                      {!m.active && <span className="muted"> (inactive)</span>}
                      {below.has(m.id) && <span className="tag tag-wrong"> below target</span>}
                    </th>
                    <td>
                      {t.hours} of {program.season.targetHours}
                    </td>
                    <td>{t.attended}</td>
                    <td>{t.missed}</td>
                    <td>
                      <Link to={paths.certificate.href(m.id)}>Certificate for {m.name}</Link>
                      <br />
                      <button
                        type="button"
                        className="link-button"
                        onClick={async () =>
                          download(
                            `hours-${m.name.replace(/\W+/g, '-').toLowerCase()}.json`,
                            'application/json',
                            await exportChapterFile(m.id),
                          )
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
        <section aria-labelledby="below" className="card">
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
                  {m.name}: {formatHours(totals.get(m.id)!.hours)}
                </li>
              ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="exports" className="card stack">
        <h2 id="exports">Exports and sharing</h2>
        <p className="actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => download('roster.csv', 'text/csv', rosterCsv(members))}
          >
            Roster (CSV)
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => download('attendance.csv', 'text/csv', attendanceMatrixCsv(members, held, attendance))}
          >
            Attendance matrix (CSV)
          </button>
          <button
            type="button"
            className="button"
            onClick={async () => download('chapter-study-group.json', 'application/json', await exportChapterFile())}
          >
            Export the chapter file
          </button>
        </p>
        <p className="muted">
          The chapter file holds the roster, attendance and this device's schedule changes. Import it on another
          committee member's device: the same member is matched by email, the newer change wins, nothing is deleted, and
          importing the same file twice changes nothing.
        </p>
        <label className="field">
          <span>Import a chapter file</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])}
          />
        </label>
        {summary && <p role="status">{summary}</p>}
        {importError && (
          <p role="alert" className="notice notice-error">
            {importError}
          </p>
        )}
      </section>
    </>
  );
}
