// Vite plugins for index.html: the stylesheet inlined, and the Content-Security-Policy; the
// security headers of the servers.
// Vite plugin: inlines the app's stylesheet into index.html, so the first paint waits for no
// second request. (The CSP allows inline styles; scripts stay external.)
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { THEME_KEY } from '../src/lib/theme.ts';
import { APP_READY_EVENT } from '../src/app/app-ready-event.ts';

export function inlineCss(): Plugin {
  return {
    name: 'clm-inline-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === 'index.html');
      if (!html || html.type !== 'asset') return;
      let text = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(
          `<link rel="stylesheet"[^>]*href="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`,
        );
        if (!link.test(text)) continue;
        text = text.replace(link, `<style>${String(file.source)}</style>`);
      }
      html.source = text;
    },
  };
}

/**
 * The production Content-Security-Policy, the one source of both the meta tag and the header:
 * scripts, data and connections only from the app's own origin. The meta tag is added at build
 * time only, since the dev server injects an inline script (React Refresh) that this policy
 * would block. frame-ancestors works only as a header (browsers ignore it in a meta tag), so it
 * is added to the header alone.
 */
/**
 * The first of the three inline scripts: a pinned theme set on <html> before the first paint, which for a
 * prerendered page comes before any module script runs (main.tsx then keeps it in step).
 * The policy allows exactly this text, by its hash.
 */
export const THEME_BOOT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}`;
const THEME_BOOT_HASH = `'sha256-${createHash('sha256').update(THEME_BOOT).digest('base64')}'`;

/**
 * The third: a tap on a button of a page drawn at build time, before the app has taken the page
 * over, would do nothing (the button's handler is not attached yet). It is held instead, the
 * last one winning, and pressed again once main.tsx says the app is ready (APP_READY_EVENT),
 * if the button is still there and enabled. Links need no help: they work without JavaScript.
 */
export const TAP_HOLD = `(function(d){var held;function hold(e){var b=e.target&&e.target.closest&&e.target.closest('button,[role="button"]');if(!b)return;e.preventDefault();e.stopImmediatePropagation();held=b}d.addEventListener('click',hold,true);d.addEventListener(${JSON.stringify(APP_READY_EVENT)},function(){d.removeEventListener('click',hold,true);var b=held;held=undefined;if(b&&b.isConnected&&!b.disabled)b.click()},{once:true})})(document)`;
const TAP_HOLD_HASH = `'sha256-${createHash('sha256').update(TAP_HOLD).digest('base64')}'`;

/** The longest the app's script waits for the first paint (a tab opened in the background paints nothing). */
export const ENTRY_FALLBACK_MS = 1500;

/**
 * The last: the app's module script, and the modules it needs at once, asked for only after
 * the page drawn at build time has been painted (its first-contentful-paint entry), or after
 * ENTRY_FALLBACK_MS when nothing paints; at once on the bare shell, which has no page to paint. On a slow link the page's own bytes then come
 * first, and the script follows without competing with them. The script's address is in the
 * tag's data-entry attribute (the text, and so its hash, stays the same from build to build).
 */
export const DEFERRED_ENTRY = `(function(s){var done=false;function go(){if(done)return;done=true;(s.dataset.preload||'').split(' ').forEach(function(h){if(!h)return;var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=h;document.head.appendChild(l)});var m=document.createElement('script');m.type='module';m.crossOrigin='';m.src=s.dataset.entry;document.head.appendChild(m)}var r=document.getElementById('root');if(!r||!r.firstElementChild)return go();try{new PerformanceObserver(function(l){if(l.getEntriesByName('first-contentful-paint').length)go()}).observe({type:'paint',buffered:true})}catch(e){}setTimeout(go,${ENTRY_FALLBACK_MS})})(document.currentScript)`;
const DEFERRED_ENTRY_HASH = `'sha256-${createHash('sha256').update(DEFERRED_ENTRY).digest('base64')}'`;

const POLICY: Record<string, string> = {
  'default-src': "'self'",
  'script-src': `'self' ${THEME_BOOT_HASH} ${TAP_HOLD_HASH} ${DEFERRED_ENTRY_HASH}`,
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
};

const serialize = (policy: Record<string, string>) =>
  Object.entries(policy)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = serialize(POLICY);

/** The header: the same policy, and no other site may show the app in a frame. */
export const CONTENT_SECURITY_POLICY_HEADER = serialize({ ...POLICY, 'frame-ancestors': "'none'" });

/**
 * The dev server's header: React Refresh needs its inline preamble and Vite's client a
 * websocket, so scripts and connections are looser; framing is refused as in production.
 */
export const DEV_CONTENT_SECURITY_POLICY_HEADER = serialize({
  ...POLICY,
  'script-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' ws: wss:",
  'frame-ancestors': "'none'",
});

/** Features the app never uses, refused to the page and to anything it might embed. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Headers of every response of `npm start` (vite preview) and, with the dev policy, of `vite`. */
export function securityHeaders(csp = CONTENT_SECURITY_POLICY_HEADER): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'clm-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/** The theme of a pinned choice before the first paint (THEME_BOOT) and the tap hold (TAP_HOLD), in dev and in the build. */
export function themeBoot(): Plugin {
  return {
    name: 'clm-theme-boot',
    transformIndexHtml() {
      return [
        { tag: 'script', children: THEME_BOOT, injectTo: 'head' },
        { tag: 'script', children: TAP_HOLD, injectTo: 'head' },
      ];
    },
  };
}

const ENTRY_TAG = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const PRELOAD_TAG = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/** Replaces the built page's module script and its preloads by DEFERRED_ENTRY, at the end of the body. */
export function deferEntry(html: string): string {
  const entry = ENTRY_TAG.exec(html)?.[1];
  if (!entry) throw new Error('The built index.html has no module script to defer');
  const preloads = [...html.matchAll(PRELOAD_TAG)].map((m) => m[1]);
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const loader = `<script data-entry="${attr(entry)}" data-preload="${attr(preloads.join(' '))}">${DEFERRED_ENTRY}</script>`;
  return html.replace(ENTRY_TAG, '').replace(PRELOAD_TAG, '').replace('</body>', `${loader}</body>`);
}

/** deferEntry() on the built index.html (the dev server keeps Vite's own script). */
export function deferredEntry(): Plugin {
  return {
    name: 'clm-deferred-entry',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: deferEntry },
  };
}
