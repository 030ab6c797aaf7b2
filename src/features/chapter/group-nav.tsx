// The views of the Group area: tonight's session first, then schedule, roster, hours, sharing.
import { NavLink } from 'react-router';
import { paths } from '../../config/paths';
import './chapter.css';

const VIEWS = [
  { to: paths.chapter.href(), label: 'Tonight', end: true },
  { to: paths.chapterSchedule.href(), label: 'Schedule', end: false },
  { to: paths.chapterRoster.href(), label: 'Roster', end: false },
  { to: paths.members.href(), label: 'Hours', end: false },
  { to: paths.chapterShare.href(), label: 'Share', end: false },
];

export function GroupNav() {
  return (
    <nav aria-label="Study group" className="group-nav">
      {VIEWS.map((v) => (
        <NavLink key={v.to} to={v.to} end={v.end}>
          {v.label}
        </NavLink>
      ))}
    </nav>
  );
}
