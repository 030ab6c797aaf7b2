// Which URLs an image may load: only files of the app itself. The app works offline and loads
// nothing from other sites, so an image from anywhere else is refused at build time (and
// stripped from the HTML should one ever get through).

const BASE = 'https://app.invalid/a/b/';

/**
 * True when `url` names a file of the app: resolved the way a browser does (entities and
 * escapes already decoded by the Markdown parser; tabs and newlines dropped, backslashes read as
 * slashes), it stays on the app's origin. Any scheme (https:, data:, javascript:...) and any
 * protocol-relative address ("//host", "/\host") is refused.
 */
export function isAppUrl(url: string): boolean {
  const trimmed = url.replace(/[\t\n\r]/g, '').trim();
  // A scheme, even one the URL parser would not accept, is never a file of the app.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return false;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, BASE);
  } catch {
    return false;
  }
  return resolved.origin === new URL(BASE).origin;
}

/** True when every candidate of a `srcset` value is a file of the app. */
export function isAppSrcset(srcset: string): boolean {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '')
    .every(isAppUrl);
}
