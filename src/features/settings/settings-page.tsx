// Settings of this device: the colour theme, how many new questions a day to take, sync across
// devices (its content comes from the app, which composes features: see src/app/settings-route.tsx),
// backups and the browser's storage.
import type { ReactNode } from 'react';
import { PageTitle } from '../../components/ui/page-title';
import { useStudySettings } from './data';
import { BackupSection } from './backup-section';
import { NewPerDayField } from './new-per-day-field';
import { StorageSection } from './storage-section';
import { ThemeSwitch } from './theme-switch';

export function SettingsPage({ sync, packs }: { sync?: ReactNode; packs?: ReactNode }) {
  const settings = useStudySettings();
  return (
    <>
      <PageTitle title="Settings">Settings</PageTitle>
      <section aria-labelledby="looks" className="card">
        <h2 id="looks">Looks</h2>
        <ThemeSwitch />
      </section>
      <section aria-labelledby="daily" className="card">
        <h2 id="daily">Daily new questions</h2>
        {settings ? <NewPerDayField settings={settings} /> : <p className="muted">Loading…</p>}
      </section>
      {sync && (
        <section aria-labelledby="sync-title" className="card" id="sync">
          <h2 id="sync-title">Sync across your devices</h2>
          {sync}
        </section>
      )}
      {packs && (
        <section aria-labelledby="packs-title" className="card" id="packs">
          <h2 id="packs-title">Session packs</h2>
          {packs}
        </section>
      )}
      <section aria-labelledby="backup" className="card">
        <h2 id="backup">Backup</h2>
        <BackupSection />
      </section>
      <section aria-labelledby="storage" className="card">
        <h2 id="storage">Storage</h2>
        <StorageSection />
      </section>
    </>
  );
}

export const Component = SettingsPage;
