// Settings of this device: the colour theme and how many new questions a day to take.
import { PageTitle } from '../../components/ui/page-title';
import { useStudySettings } from './data';
import { NewPerDayField } from './new-per-day-field';
import { ThemeSwitch } from './theme-switch';

export function Component() {
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
    </>
  );
}
