// The inline tap hold of prerendered pages (TAP_HOLD, scripts/html-plugins.ts): a tap on a
// button before the app runs the page is pressed again once it does, never lost and never twice.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, TAP_HOLD } from '../../scripts/html-plugins';
import { APP_READY_EVENT } from '../../src/app/app-ready-event';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('prerendered');
  doc.body.innerHTML = html;
  // The script as the browser runs it, against this document.
  new Function('document', TAP_HOLD)(doc);
  return doc;
}

const pressed: string[] = [];
afterEach(() => void pressed.splice(0));
const listen = (doc: Document) =>
  doc.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => pressed.push(b.id)));

describe('a tap before the app is ready', () => {
  it('is held, then pressed once when the app is ready; later taps go straight through', () => {
    const doc = page('<button id="mixed"><span id="label">Everything mixed</span></button>');
    doc.getElementById('label')?.click();
    listen(doc); // the app attaches its handlers
    expect(pressed).toEqual([]);
    doc.dispatchEvent(new Event(APP_READY_EVENT));
    expect(pressed).toEqual(['mixed']);
    doc.getElementById('mixed')?.click();
    expect(pressed).toEqual(['mixed', 'mixed']);
    doc.dispatchEvent(new Event(APP_READY_EVENT));
    expect(pressed).toEqual(['mixed', 'mixed']);
  });

  it('keeps the last of several taps, and none for a button gone or disabled by then', () => {
    const doc = page('<button id="a">A</button><button id="b">B</button><button id="c">C</button>');
    listen(doc);
    doc.getElementById('a')?.click();
    doc.getElementById('b')?.click();
    doc.dispatchEvent(new Event(APP_READY_EVENT));
    expect(pressed).toEqual(['b']);

    const gone = page('<button id="a">A</button>');
    gone.getElementById('a')?.click();
    gone.getElementById('a')?.remove();
    gone.dispatchEvent(new Event(APP_READY_EVENT));
    const disabled = page('<button id="a">A</button>');
    listen(disabled);
    disabled.getElementById('a')?.click();
    disabled.getElementById('a')?.setAttribute('disabled', '');
    disabled.dispatchEvent(new Event(APP_READY_EVENT));
    expect(pressed).toEqual(['b']);
  });

  it('leaves links alone: they work without the app', () => {
    const doc = page('<a id="link" href="/areas">Areas</a>');
    const link = doc.getElementById('link');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('is allowed by the Content-Security-Policy by its hash', () => {
    const hash = createHash('sha256').update(TAP_HOLD).digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${hash}'`);
  });
});
