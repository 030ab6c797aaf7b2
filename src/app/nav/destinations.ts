// Where the main navigation leads. Phones show the tabs (Home, Practice, Exam, Progress, More)
// in a bar at the bottom and reach the rest through the More page; laptops show every
// destination but More in the top bar. styles.css hides each group at the other size.
import { paths } from '../../config/paths';
import type { IconName } from './icons';

export interface Destination {
  href: string;
  label: string;
  icon: IconName;
  /** Shown under the label on the More page. */
  note?: string;
  /** phone: a tab only on phones; wide: in the top bar only on laptops; both: everywhere. */
  show: 'phone' | 'wide' | 'both';
}

/** Reached from the More page on a phone. */
export const MORE: Destination[] = [
  { href: paths.areas.href(), label: 'Areas', icon: 'areas', note: 'The exam domains and competencies', show: 'wide' },
  {
    href: paths.sessions.href(),
    label: 'Sessions',
    icon: 'sessions',
    note: "The season's study sessions",
    show: 'wide',
  },
  { href: paths.search.href(), label: 'Search', icon: 'search', note: 'All material and questions', show: 'wide' },
  { href: paths.chapter.href(), label: 'Group', icon: 'group', note: 'Schedule, roster and check-in', show: 'wide' },
  { href: paths.myHours.href(), label: 'My CE hours', icon: 'hours', note: 'Hours toward the CLM', show: 'wide' },
  {
    href: paths.author.href(),
    label: 'Author',
    icon: 'author',
    note: 'Write a session pack (speakers)',
    show: 'wide',
  },
  {
    href: paths.settings.href(),
    label: 'Settings',
    icon: 'settings',
    note: 'Theme and daily new questions',
    show: 'wide',
  },
];

export const NAV: Destination[] = [
  { href: paths.home.href(), label: 'Home', icon: 'home', show: 'phone' },
  { href: paths.practice.href(), label: 'Practice', icon: 'practice', show: 'both' },
  { href: paths.exam.href(), label: 'Exam', icon: 'exam', show: 'both' },
  { href: paths.progress.href(), label: 'Progress', icon: 'progress', show: 'both' },
  ...MORE,
  { href: paths.more.href(), label: 'More', icon: 'more', show: 'phone' },
];

/** Whether a path belongs to the More tab (the More page or a page listed on it). */
export function isUnderMore(pathname: string): boolean {
  return [paths.more.href(), ...MORE.map((d) => d.href)].some(
    (href) => pathname === href || pathname.startsWith(`${href}/`),
  );
}
