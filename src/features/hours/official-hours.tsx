// The official study-group hours the chapter server computed for the signed-in person (from
// their read-only document hours:<personId>), with when they were last updated. Read-only: the
// figures are the chapter's, so this offers nothing to edit.
import { useEffect, useState } from 'react';
import type { StoredOfficial } from '../../db/official';
import { formatDate, formatHours } from '../../lib/dates';
import { timeAgo } from '../../lib/time-ago';

/** The clock, moved every 30 s, so "updated 2 min ago" stays true while the screen is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function OfficialHours({ stored }: { stored: StoredOfficial }) {
  const now = useNow();
  const { official } = stored;
  const held = official.attended + official.missed;
  return (
    <>
      <p className="notice">Official hours from the chapter, updated {timeAgo(official.updatedAt, now)}.</p>
      <p>
        Study-group total: <strong>{formatHours(official.hours)}</strong> over {official.attended} of {held} sessions
        held.
      </p>
      {official.sessions.length > 0 && (
        <ul aria-label="Sessions attended">
          {official.sessions.map((s) => (
            <li key={s.sessionId}>
              {formatDate(s.date)}: {s.title}, {formatHours(s.hours)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
