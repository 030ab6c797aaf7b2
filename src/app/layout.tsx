import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigation, useNavigationType } from 'react-router';
import { MainNav } from './nav/main-nav';
import { ReloadPrompt } from './reload-prompt';
import { StorageBanner } from './storage-banner';

/**
 * After a client-side move to another page, focus goes to the new page's heading, so keyboard
 * and screen-reader users start at the top of it, as after a full page load.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const type = useNavigationType();
  const last = useRef(pathname);
  useEffect(() => {
    // The first load (a POP) leaves focus to the browser; later moves to another path focus the heading.
    if (last.current === pathname || type === 'POP') return;
    last.current = pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname, type]);
}

export function Layout() {
  const navigation = useNavigation();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          CLM Study
        </NavLink>
        <MainNav />
      </header>
      <StorageBanner />
      <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading'}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Works offline once visited. Your answers leave this device only if you sign in to sync.</p>
      </footer>
      <ReloadPrompt />
    </>
  );
}
