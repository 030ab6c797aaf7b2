import { useParams } from 'react-router';
import { content } from '../../content/runtime';
import { NotFound } from '../../components/ui/not-found';
import { formatDate, formatHours } from '../../lib/dates';
import { applyChanges } from '../../lib/schedule';
import { useAttendance, useMembers, useSessionChanges } from './data';
import { findArea } from '../../content/runtime';

export function Component() {
  const { memberId } = useParams();
  const members = useMembers();
  const attendance = useAttendance();
  const changes = useSessionChanges();
  if (!members || !attendance || !changes) return <p className="muted">Loading…</p>;
  const member = members.find((m) => m.id === memberId);
  if (!member) return <NotFound what="member" />;
  const { program } = content;
  const mine = new Map(
    attendance.filter((a) => a.memberId === member.id && a.present).map((a) => [a.sessionId, a.hours]),
  );
  const sessions = applyChanges(content.sessions, changes).filter((s) => mine.has(s.id));
  const total = Math.round(sessions.reduce((sum, s) => sum + mine.get(s.id)!, 0) * 100) / 100;
  const issued = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date());
  return (
    <article className="certificate" aria-labelledby="cert-title">
      <p className="no-print actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <p className="cert-org">{program.chapter}</p>
      <h1 id="cert-title" tabIndex={-1}>
        Certificate of Attendance
      </h1>
      <p className="cert-line">This certifies that</p>
      <p className="cert-name">{member.name}</p>
      <p className="cert-line">
        attended {formatHours(total)} of the {program.title}.
      </p>
      <table className="scores cert-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Topic</th>
            <th scope="col">Speaker</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>{formatDate(s.date)}</td>
              <td>
                {s.title}
                <span className="muted"> ({findArea(s.area)?.title})</span>
              </td>
              <td>{s.speaker.name}</td>
              <td>{mine.get(s.id)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total hours
            </th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="cert-issued">Issued {issued}</p>
      <div className="cert-signature">
        <span className="cert-rule" />
        <span>Committee chair, {program.chapter}</span>
      </div>
    </article>
  );
}
