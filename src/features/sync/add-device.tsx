// "Add another device": a one-time link (15 minutes, one device) from the server, as text to
// copy and as a QR code to scan. The QR encoder loads only when a link is made.
import { lazy, Suspense, useRef, useState } from 'react';
import { useNow } from '../../components/ui/use-now';
import { createDeviceLink, type DeviceLink } from '../../sync/api';
import { serverOf, type Account } from './data';

const QrCode = lazy(() => import('./qr-code'));

const clock = (t: number) => new Date(t).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

export function AddDevice({ account, onRefused }: { account: Account; onRefused: (message: string) => void }) {
  const [link, setLink] = useState<DeviceLink | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  const now = useNow(link ? 10_000 : undefined);
  const expired = link !== undefined && now >= link.expiresAt;

  const make = async () => {
    setBusy(true);
    setMessage(undefined);
    const result = await createDeviceLink(serverOf(account));
    setBusy(false);
    if (result.ok) setLink(result.value);
    else if (result.unauthorized) onRefused(result.error);
    else setMessage({ error: true, text: `No link was made. ${result.error}` });
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setMessage({ error: false, text: 'Link copied. Send it only to yourself: it signs a device in as you.' });
    } catch {
      field.current?.select();
      setMessage({ error: true, text: 'This browser did not allow copying: the link is selected, copy it by hand.' });
    }
  };

  return (
    <div className="stack">
      <p className="muted">
        A link that signs another phone, tablet or computer in as you. It works once, within 15 minutes.
      </p>
      {link && !expired && (
        <div className="device-link">
          <Suspense fallback={<div className="qr qr-placeholder" />}>
            <QrCode text={link.url} />
          </Suspense>
          <div className="stack">
            <label className="field">
              <span>One-time link</span>
              <input ref={field} readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <p className="actions">
              <button type="button" className="button" onClick={() => void copy()}>
                Copy link
              </button>
            </p>
            <p className="muted">
              Valid until {clock(link.expiresAt)}, for one device. Open it on the new device, or scan the code with its
              camera.
            </p>
          </div>
        </div>
      )}
      {expired && <p>That link has expired. Make a new one when the other device is at hand.</p>}
      <p className="actions">
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void make()}>
          {busy ? 'Making a link…' : link ? 'Make a new link' : 'Add another device'}
        </button>
      </p>
      <p role="status" className={message?.error ? 'notice notice-error' : undefined}>
        {message?.text}
      </p>
    </div>
  );
}
