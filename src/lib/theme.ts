// The colour theme: "system" follows the device (prefers-color-scheme); "light" and "dark" pin
// it. A display preference of this device only, so it is kept in localStorage, which can be
// read synchronously before the first render (IndexedDB cannot), and applied as a data-theme
// attribute on <html> that styles.css reads.

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const THEME_KEY = 'clm-theme';

/** Theme colour of the browser's toolbar, per theme: the header's background (--header in styles/base.css). */
const TOOLBAR = { light: '#0b4f8a', dark: '#1a2533' } as const;

export function parseTheme(value: unknown): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** The stored choice; "system" when none is stored or storage is unavailable (private mode). */
export function readTheme(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ThemeChoice {
  try {
    return parseTheme(storage?.getItem(THEME_KEY));
  } catch {
    return 'system';
  }
}

/** Stores the choice; false when the browser refused (the theme still applies to this visit). */
export function saveTheme(
  choice: ThemeChoice,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): boolean {
  try {
    if (!storage) return false;
    if (choice === 'system') storage.removeItem(THEME_KEY);
    else storage.setItem(THEME_KEY, choice);
    return true;
  } catch {
    return false;
  }
}

/** Sets <html data-theme> (absent for "system") and the toolbar colour to match. */
export function applyTheme(choice: ThemeChoice, doc: Document = document): void {
  const root = doc.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="theme-color"]:not([media])');
  if (!meta) return;
  const dark =
    choice === 'dark' ||
    (choice === 'system' && typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches);
  meta.content = dark ? TOOLBAR.dark : TOOLBAR.light;
}
