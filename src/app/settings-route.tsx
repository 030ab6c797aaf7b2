// The Settings route: the settings feature's page with the sync feature's section in it (features
// do not import each other; the app composes them). The section loads on its own, after the page.
import { lazy, Suspense } from 'react';
import { SettingsPage } from '../features/settings/settings-page';

const SyncSection = lazy(() => import('../features/sync/sync-section'));
const PacksSection = lazy(() => import('../features/packs/packs-section'));

export function Component() {
  return (
    <SettingsPage
      packs={
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <PacksSection />
        </Suspense>
      }
      sync={
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SyncSection />
        </Suspense>
      }
    />
  );
}
