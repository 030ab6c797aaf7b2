// /join#code=...: an invite (from the chapter) or a device link (from another of the person's
// devices) opened on this device. The code is read from the fragment, which no request carries,
// and taken out of the address bar at once, so it stays out of history and screenshots. The
// person names the device, signs in, and lands on Settings' sync section.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PageTitle } from '../../components/ui/page-title';
import { paths } from '../../config/paths';
import { deviceLabel, type ClientHints } from '../../lib/device-label';
import { signIn, useAccount } from './data';
import { WayForward } from './way-forward';
import './sync.css';

const codeIn = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim() || undefined;

function guessLabel(): string {
  const nav = navigator as Navigator & { userAgentData?: ClientHints };
  return deviceLabel(navigator.userAgent, nav.userAgentData);
}

type Failure = { text: string; final: boolean };

export function Component() {
  const location = useLocation();
  const navigate = useNavigate();
  const [code] = useState(() => codeIn(location.hash));
  const [label, setLabel] = useState(guessLabel);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const account = useAccount();
  const working = useRef(false);

  // Out of the address bar (history.replaceState, through the router so it keeps in step).
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code || working.current) return;
    working.current = true;
    setBusy(true);
    setFailure(undefined);
    try {
      const result = await signIn(code, label.trim() || guessLabel());
      if (result.ok) {
        await navigate(paths.settingsSync.href(), { state: { signedIn: result.account.person.name } });
        return;
      }
      // Offline or a server fault: the same code may work in a moment. A refusal is final.
      const retry = 'offline' in result && (result.offline || result.status >= 500);
      setFailure({ text: result.error, final: !retry });
    } catch (err) {
      setFailure({ text: `Something went wrong: ${err instanceof Error ? err.message : String(err)}`, final: false });
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Sign in on this device">Sign in on this device</PageTitle>
      {account ? (
        <div className="card stack">
          <p>
            This device is already signed in as <strong>{account.person.name}</strong>. A link is needed only for a
            device that is not.
          </p>
          <p>
            <Link to={paths.settingsSync.href()}>See sync in Settings</Link>
          </p>
        </div>
      ) : !code ? (
        <div className="card stack">
          <p className="notice notice-error" role="alert">
            This link has no sign-in code in it. Open the whole link from your invite, or scan the QR code again.
          </p>
          <WayForward />
        </div>
      ) : failure?.final ? (
        <div className="card stack">
          <p className="notice notice-error" role="alert">
            {failure.text}
          </p>
          <WayForward />
        </div>
      ) : (
        <form className="card stack join-form" onSubmit={(e) => void submit(e)}>
          <p>
            This link signs this device in to your chapter&apos;s CLM Study server, so your answers, reviews, exams and
            settings are the same on all your devices. It works once. No password is needed.
          </p>
          <label className="field">
            <span>Name of this device</span>
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={60}
              autoComplete="off"
              aria-describedby="device-name-note"
            />
          </label>
          <p className="muted" id="device-name-note">
            Shown in your list of devices, so you can tell them apart.
          </p>
          <p className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in on this device'}
            </button>
          </p>
          <p role="alert" className={failure ? 'notice notice-error' : undefined}>
            {failure?.text}
          </p>
        </form>
      )}
    </>
  );
}
