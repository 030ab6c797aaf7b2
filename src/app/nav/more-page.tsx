// The More tab: every destination that has no tab of its own on a phone, as large rows.
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
            <Link to={d.href} aria-label={d.label} aria-describedby={`more-note-${i}`}>
              <Icon name={d.icon} />
              <span className="more-text">
                <span className="more-label">{d.label}</span>
                <span className="more-note" id={`more-note-${i}`}>
                  {d.note}
                </span>
              </span>
              <Icon name="chevron" />
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
