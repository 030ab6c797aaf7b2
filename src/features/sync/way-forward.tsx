import { Link } from 'react-router';
import { paths } from '../../config/paths';

/** What to do without a working link: get a new one; meanwhile the app works without sync. */
export function WayForward() {
  return (
    <>
      <p>
        Ask your chapter for a new invite, or, on a device of yours that is signed in, open Settings and choose
        &ldquo;Add another device&rdquo; for a new link. Until then the app works on this device as before: your answers
        stay here.
      </p>
      <p className="actions">
        <Link className="button" to={paths.home.href()}>
          Keep studying
        </Link>
        <Link className="button-secondary" to={paths.settings.href()}>
          Settings
        </Link>
      </p>
    </>
  );
}
