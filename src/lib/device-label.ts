// A first name for this device when it signs in ("Chrome on Android", "Safari on iPhone"), so
// the person can tell their devices apart in the list; they can change it before signing in.
// Read from the browser's client hints when it gives them, else from the user-agent string.

export interface ClientHints {
  brands?: readonly { brand: string; version?: string }[];
  platform?: string;
  mobile?: boolean;
}

const BROWSERS: [RegExp, string][] = [
  [/EdgA?\/|Edge\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Macintosh|Mac OS X/, 'Mac'],
  [/Linux/, 'Linux'],
];

const HINT_BROWSERS: Record<string, string> = {
  'Google Chrome': 'Chrome',
  'Microsoft Edge': 'Edge',
  Opera: 'Opera',
  'Samsung Internet': 'Samsung Internet',
  Chromium: 'Chrome',
};

const HINT_SYSTEMS: Record<string, string> = {
  Android: 'Android',
  'Chrome OS': 'ChromeOS',
  ChromeOS: 'ChromeOS',
  Windows: 'Windows',
  macOS: 'Mac',
  Linux: 'Linux',
};

const match = (table: [RegExp, string][], ua: string) => table.find(([re]) => re.test(ua))?.[1];

/** "Browser on system", or as much of it as is known; "This device" when nothing is. */
export function deviceLabel(userAgent: string, hints?: ClientHints): string {
  // Client hints name the real brand; "Chromium" goes last, as other brands build on it.
  const brands = hints?.brands?.map((b) => b.brand) ?? [];
  const hinted =
    brands.map((b) => (b === 'Chromium' ? undefined : HINT_BROWSERS[b])).find(Boolean) ??
    (brands.includes('Chromium') ? HINT_BROWSERS.Chromium : undefined);
  const browser = hinted ?? match(BROWSERS, userAgent);
  const system = (hints?.platform && HINT_SYSTEMS[hints.platform]) || match(SYSTEMS, userAgent);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? 'This device';
}
