// Settings' "Sync across your devices", loaded on its own so Settings opens without it. Signed
// out: what sync does and how to get it (an invite link). Signed in: who, the status, adding a
// device, the person's devices and signing out (signed-in.tsx).
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAccount } from './data';
import { SignedIn } from './signed-in';
import './sync.css';

export default function SyncSection() {
  const account = useAccount();
  const location = useLocation();
  const navigate = useNavigate();
  // Just signed in (from /join): said once, not again after a reload of the page.
  const [welcome] = useState(() => typeof (location.state as { signedIn?: unknown } | null)?.signedIn === 'string');
  // What the last sign-out said, shown on the signed-out view that follows it.
  const [after, setAfter] = useState<string | undefined>(undefined);
  // Signed out, the button that had focus is gone: focus goes to what happened.
  const said = useRef<HTMLParagraphElement>(null);
  const signedOut = account === null;
  useEffect(() => {
    if (after && signedOut) said.current?.focus();
  }, [after, signedOut]);

  // Arriving at /settings#sync (after signing in): the section comes into view.
  const ready = account !== undefined;
  useEffect(() => {
    if (!ready) return;
    if (location.hash === '#sync') document.getElementById('sync')?.scrollIntoView?.({ block: 'start' });
    if (location.state) void navigate({ hash: location.hash }, { replace: true, state: null });
  }, [ready, location.hash, location.state, navigate]);

  if (account === undefined) return <p className="muted">Loading…</p>;
  if (account) return <SignedIn account={account} welcome={welcome} onSignedOut={setAfter} />;
  return (
    <div className="stack">
      {after && (
        <p className="notice notice-good" role="status" tabIndex={-1} ref={said}>
          {after}
        </p>
      )}
      <p>
        Signed in, your answers, reviews, mock exams, flags, exam date and education log are the same on your phone and
        your laptop, and kept on your chapter&apos;s server if a device is lost. Changes made offline go up when the
        device is back online.
      </p>
      <p>
        Signing in needs an invite link from your chapter (or a link from another of your devices that is signed in):
        open it on this device. There is no password.
      </p>
      <p className="muted">Without it, the app works just the same: everything stays on this device.</p>
    </div>
  );
}
