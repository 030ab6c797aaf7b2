// The person's devices that are signed in, as the server lists them, this one marked. Signing
// another out waits for the server: the row goes only once the server confirms, and stays, with
// the reason, when it does not.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNow } from '../../components/ui/use-now';
import { timeAgo } from '../../lib/time-ago';
import { listDevices, type ApiResult, type DeviceInfo } from '../../sync/api';
import { revokeDevice, serverOf, type Account } from './data';

type Message = { error: boolean; text: string };

const byCurrentThenSeen = (a: DeviceInfo, b: DeviceInfo) =>
  Number(b.current) - Number(a.current) || (b.lastSeenAt ?? 0) - (a.lastSeenAt ?? 0);

const day = (t: number) => new Date(t).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function DeviceList({ account, onRefused }: { account: Account; onRefused: (message: string) => void }) {
  const [devices, setDevices] = useState<DeviceInfo[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const now = useNow(60_000);
  // Where focus goes when the row whose button had it is gone.
  const said = useRef<HTMLParagraphElement>(null);

  const show = useCallback(
    (result: ApiResult<DeviceInfo[]>) => {
      if (result.ok) setDevices(result.value);
      else if (result.unauthorized) onRefused(result.error);
      else setLoadError(result.error);
    },
    [onRefused],
  );
  useEffect(() => {
    let live = true;
    void listDevices(serverOf(account)).then((result) => live && show(result));
    return () => {
      live = false;
    };
  }, [account, show]);
  const retry = () => {
    setLoadError(undefined);
    void listDevices(serverOf(account)).then(show);
  };

  const revoke = async (device: DeviceInfo) => {
    if (leaving.has(device.id)) return;
    setMessage(undefined);
    setLeaving((s) => new Set(s).add(device.id));
    const result = await revokeDevice(serverOf(account), device.id);
    setLeaving((s) => {
      const next = new Set(s);
      next.delete(device.id);
      return next;
    });
    if (result.ok) {
      setDevices((list) => list?.filter((d) => d.id !== device.id));
      setMessage({
        error: false,
        text: `"${device.label}" is signed out: it can no longer sync. Its own data stays on it.`,
      });
      said.current?.focus();
    } else if (result.unauthorized) {
      onRefused(result.error);
    } else {
      setMessage({ error: true, text: `"${device.label}" is still signed in. ${result.error}` });
    }
  };

  if (loadError)
    return (
      <div className="stack">
        <p className="notice notice-error" role="alert">
          Your devices could not be listed. {loadError}
        </p>
        <p className="actions">
          <button type="button" className="button-secondary" onClick={retry}>
            Try again
          </button>
        </p>
      </div>
    );
  if (!devices) return <p className="muted">Loading your devices…</p>;
  return (
    <div className="stack">
      <ul className="device-list" aria-label="Your devices">
        {/* This device first, then the most recently seen. */}
        {devices.toSorted(byCurrentThenSeen).map((d) => (
          <li key={d.id}>
            <span className="device-text">
              <span className="device-name">
                {d.label}
                {d.current && <span className="device-badge">This device</span>}
              </span>
              <span className="muted">
                Added {day(d.createdAt)}
                {d.lastSeenAt !== undefined &&
                  !d.current &&
                  `, last seen ${timeAgo(d.lastSeenAt, Math.max(now, d.lastSeenAt))}`}
              </span>
            </span>
            {!d.current && (
              <button
                type="button"
                className="button-secondary"
                aria-label={`Sign out ${d.label}`}
                disabled={leaving.has(d.id)}
                onClick={() => void revoke(d)}
              >
                {leaving.has(d.id) ? 'Signing out…' : 'Sign out'}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" tabIndex={-1} ref={said} className={message?.error ? 'notice notice-error' : undefined}>
        {message?.text}
      </p>
    </div>
  );
}
