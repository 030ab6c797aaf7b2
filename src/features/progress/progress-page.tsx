import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { PageTitle } from '../../components/ui/page-title';
import { READINESS_RANGE_EXPLAINED } from '../../lib/progress';
import { useDatabaseExists } from '../../db/presence';
import { noProgress, useQuestionPlaces } from './places';
import { Dashboard } from './dashboard-view';

// The live figures need the database code; a device without a database shows the empty ones.
const LiveDashboard = lazy(() => import('./live-dashboard'));

export function Component() {
  const exists = useDatabaseExists();
  // Drawn as a transition: the whole dashboard fills in in slices that yield to the browser.
  const bank = useDeferredValue(useQuestionPlaces());
  const empty = useMemo(() => noProgress(), []);
  // Empty, so it says nothing wrong without JavaScript; a screen tall, so the footer is out of
  // view and nothing visible moves when the figures fill in.
  const placeholder = <div className="loading-screen" />;
  return (
    <>
      <PageTitle title="Your progress">Your progress</PageTitle>
      {/* Above the figures, and the same on every device: it is drawn at build time. */}
      <p className="lede" id="readiness-explained">
        {READINESS_RANGE_EXPLAINED}
      </p>
      <noscript>
        <p className="notice">Your progress is kept in this browser and needs JavaScript to show: turn it on.</p>
      </noscript>
      {exists === undefined || !bank ? (
        placeholder
      ) : exists ? (
        <Suspense fallback={placeholder}>
          <LiveDashboard bank={bank} placeholder={placeholder} />
        </Suspense>
      ) : (
        <Dashboard bank={bank} data={empty} />
      )}
    </>
  );
}
