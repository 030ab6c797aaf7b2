// A certificate of attendance that holds up: only held sessions (the one hours rule), the
// fields CE boards ask for, a number stable per member and season, "Reissued" on later prints,
// and one page on Letter or A4 for a full season.
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { content, findArea } from '../../content/runtime';
import { NotFound } from '../../components/ui/not-found';
import { formatDate, formatHours } from '../../lib/dates';
import { certificateKey, certificateNumber, issueLine } from '../../lib/certificate';
import { recordCertificatePrint, useCertificatePrints, useWrite } from './data';
import { useSeason } from './use-season';
import './chapter.css';

const longDate = (ms: number) => new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(ms));

export function Component() {
  const { memberId = '' } = useParams();
  const data = useSeason();
  const { program } = content;
  const key = certificateKey(memberId, program);
  const prints = useCertificatePrints(key);
  const [now] = useState(Date.now);
  const { run, error } = useWrite();
  useEffect(() => {
    // Counted whenever the page is printed (the button, or the browser's own Print).
    const onPrint = () =>
      void run(() => recordCertificatePrint(key), 'this print was not counted', { exclusive: false });
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, [key, run]);
  if (!data || prints === undefined) return <p className="muted">Loading…</p>;
  const member = data.members.find((m) => m.id === memberId);
  if (!member) return <NotFound what="member" />;
  const mine = data.season.byMember.get(member.id);
  const sessions = mine?.sessions ?? [];
  const total = mine?.hours ?? 0;
  const places = [...new Set(sessions.map((s) => s.session.location ?? 'In person'))];
  return (
    <article className="certificate" aria-labelledby="cert-title">
      <p className="no-print actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      {error && (
        <p role="alert" className="notice notice-error no-print">
          {error}
        </p>
      )}
      <p className="cert-org">{program.chapter}</p>
      <h1 id="cert-title" tabIndex={-1}>
        Certificate of Attendance
      </h1>
      <p className="cert-line">This certifies that</p>
      <p className="cert-name">{member.name}</p>
      <p className="cert-line">
        attended {formatHours(total)} of the {program.title}, in person
        {places.length > 0 ? ` at ${places.join('; ')}` : ''}.
      </p>
      <table className="scores cert-table">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Session</th>
            <th scope="col">Presenter</th>
            <th scope="col">Hours</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map(({ session: s, hours }) => (
            <tr key={s.id}>
              <td className="cert-date">{formatDate(s.date, 'short')}</td>
              <td>
                {s.title}
                <span className="muted"> ({findArea(s.area)?.title ?? s.area})</span>
              </td>
              <td>{s.speaker.name}</td>
              <td>{hours}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total hours attended
            </th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="cert-statement">
        The hours above are the hours this participant attended, as recorded at check-in by the study group committee.
      </p>
      <dl className="cert-facts">
        <dt>Provider</dt>
        <dd>
          {program.chapter}
          {program.contact ? `, ${program.contact}` : ''}
        </dd>
        {program.approvedProvider && (
          <>
            <dt>ALA approved provider</dt>
            <dd>{program.approvedProvider}</dd>
          </>
        )}
        <dt>Certificate</dt>
        <dd>{certificateNumber(member.id, program)}</dd>
        <dt>Issue</dt>
        <dd>{issueLine(prints ?? undefined, now, longDate)}</dd>
      </dl>
      <div className="cert-signature">
        <span className="cert-rule" />
        <span>Committee chair, {program.chapter}</span>
      </div>
    </article>
  );
}
