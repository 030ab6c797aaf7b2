import { useState } from 'react';
import { THEME_CHOICES, applyTheme, readTheme, saveTheme, type ThemeChoice } from '../../lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** System / Light / Dark: applies at once and is remembered on this device. */
export function ThemeSwitch() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readTheme());
  const [kept, setKept] = useState(true);
  const choose = (next: ThemeChoice) => {
    setChoice(next);
    applyTheme(next);
    setKept(saveTheme(next));
  };
  return (
    <>
      <fieldset className="segmented segmented-even">
        <legend>Theme</legend>
        {THEME_CHOICES.map((t) => (
          <label key={t}>
            <input type="radio" name="theme" value={t} checked={choice === t} onChange={() => choose(t)} />
            {LABELS[t]}
          </label>
        ))}
      </fieldset>
      <p className="muted">System follows your device&apos;s light or dark setting.</p>
      {!kept && (
        <p className="notice notice-error" role="alert">
          This browser did not let the app remember your choice: it applies until you close the app.
        </p>
      )}
    </>
  );
}
