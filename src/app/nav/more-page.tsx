// The More tab: every destination that has no tab of its own on a phone, as large rows. The
// whole row is the link's target (its ::after covers the row); its name is the label alone
// and the note under it is its description.
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title';
import { MORE } from './destinations';
import { Icon } from './icons';

export function Component() {
  return (
    <>
      <PageTitle title="More">More</PageTitle>
      <ul className="more-list">
        {MORE.map((d, i) => (
          <li key={d.href}>
            <Icon name={d.icon} />
            <span className="more-text">
              <Link to={d.href} className="more-label" aria-describedby={`more-note-${i}`}>
                {d.label}
              </Link>
              <span className="more-note" id={`more-note-${i}`}>
                {d.note}
              </span>
            </span>
            <Icon name="chevron" />
          </li>
        ))}
      </ul>
    </>
  );
}
