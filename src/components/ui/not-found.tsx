import { Link } from 'react-router';
import { PageTitle } from './page-title';

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <>
      <PageTitle title="Not found">Not found</PageTitle>
      <p>This {what} does not exist. It may have been renamed in a newer version of the program.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
