// The main navigation: one list, laid out by styles.css as a bottom tab bar on phones and a
// top bar on laptops (each destination says where it shows; see destinations.ts).
import { Link, NavLink, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { NAV, isUnderMore } from './destinations';
import { Icon } from './icons';

export function MainNav() {
  const { pathname } = useLocation();
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {NAV.map((d) => (
          <li key={d.href} className={`nav-${d.show}`}>
            {d.href === paths.more.href() ? (
              // More stands for every page listed on it, so it is current on each of them.
              <Link to={d.href} aria-current={isUnderMore(pathname) ? 'page' : undefined}>
                <Icon name={d.icon} />
                <span>{d.label}</span>
              </Link>
            ) : (
              <NavLink to={d.href} end={d.href === paths.home.href()}>
                <Icon name={d.icon} />
                <span>{d.label}</span>
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
