// "Sign out of this device": keep the data on it (the app goes on without sync) or remove it,
// after a confirmation. Changes not yet on the server are named before they can be lost.
import { useState } from 'react';
import { resumeSync, signOut, type Account } from './data';
import { writeFailureMessage } from '../../lib/write-error';

type Step = 'idle' | 'choose' | 'confirm';

interface Props {
  account: Account;
  pending: number;
  onSignedOut: (message: string) => void;
}

export function SignOut({ account, pending, onSignedOut }: Props) {
  const [step, setStep] = useState<Step>('idle');
  const [remove, setRemove] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { serverTold } = await signOut(account, remove);
      const done = remove
        ? 'This device is signed out and the app’s data on it is removed.'
        : 'This device is signed out. Your data stays on it, and the app works as before, without sync.';
      const untold = serverTold
        ? ''
        : ' The server could not be told (this device seems offline): sign this device out from another of yours, under Your devices.';
      onSignedOut(done + untold);
    } catch (e) {
      setBusy(false);
      setError(writeFailureMessage(e, 'this device is still signed in'));
      resumeSync();
    }
  };

  if (step === 'idle')
    return (
      <p className="actions">
        <button type="button" className="button-secondary" onClick={() => setStep('choose')}>
          Sign out of this device
        </button>
      </p>
    );

  const lose =
    pending > 0 ? (
      <p className="notice notice-error" role="note">
        {pending === 1 ? '1 change' : `${pending} changes`} on this device have not reached the server yet: removing the
        data loses {pending === 1 ? 'it' : 'them'}.
      </p>
    ) : null;

  return (
    <div className="stack">
      {step === 'choose' ? (
        <fieldset className="choice-list">
          <legend>What happens to the data on this device?</legend>
          <label>
            <input type="radio" name="sign-out-data" checked={!remove} onChange={() => setRemove(false)} />
            <span>
              Keep my data on this device
              <span className="muted choice-note">Answers, exams and settings stay here, without sync.</span>
            </span>
          </label>
          <label>
            <input type="radio" name="sign-out-data" checked={remove} onChange={() => setRemove(true)} />
            <span>
              Remove my data from this device
              <span className="muted choice-note">
                Everything the app keeps here is deleted. What reached the server comes back when you sign in again.
              </span>
            </span>
          </label>
        </fieldset>
      ) : (
        <p>
          <strong>Remove all CLM Study data from this device and sign out?</strong> This cannot be undone on this
          device.
        </p>
      )}
      {remove && lose}
      <p className="actions">
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => (remove && step === 'choose' ? setStep('confirm') : void run())}
        >
          {busy ? 'Signing out…' : step === 'confirm' ? 'Remove data and sign out' : 'Sign out'}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() => {
            setStep('idle');
            setRemove(false);
            setError(undefined);
          }}
        >
          Cancel
        </button>
      </p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
