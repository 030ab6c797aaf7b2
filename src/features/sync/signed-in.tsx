// The signed-in half of Settings' sync section: who this device is signed in as, the sync
// status, adding another device, the person's devices, and signing this one out. A device the
// server refuses (signed out elsewhere, token expired) says so and offers to sign in again.
import { useEffect, useRef, useState } from 'react';
import { writeFailureMessage } from '../../lib/write-error';
import { fetchMe } from '../../sync/api';
import { AddDevice } from './add-device';
import { forgetAccount, serverOf, useSyncStatus, type Account } from './data';
import { DeviceList } from './device-list';
import { SignOut } from './sign-out';
import { SyncStatusLine } from './sync-status-line';

interface Props {
  account: Account;
  /** Just signed in (from /join): say so and take focus. */
  welcome: boolean;
  onSignedOut: (message: string) => void;
}

export function SignedIn({ account, welcome, onSignedOut }: Props) {
  const status = useSyncStatus();
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [chapter, setChapter] = useState<string | undefined>(undefined);
  const [leaving, setLeaving] = useState(false);
  const [leaveError, setLeaveError] = useState<string | undefined>(undefined);
  const hello = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (welcome) hello.current?.focus();
  }, [welcome]);

  // The chapter's name, and an early word when the server no longer accepts this device.
  useEffect(() => {
    let live = true;
    void fetchMe(serverOf(account)).then((me) => {
      if (!live) return;
      if (me.ok) setChapter(me.value.chapter.name || undefined);
      else if (me.unauthorized) setRefusal(me.error);
    });
    return () => {
      live = false;
    };
  }, [account]);

  const refused = status?.state === 'refused' ? (status.message ?? refusal) : refusal;
  const signInAgain = async () => {
    setLeaving(true);
    try {
      await forgetAccount();
      onSignedOut(
        'This device is signed out; its data is kept. To sign in again, open a new link here: an invite from your chapter, or "Add another device" on a device of yours that is still signed in.',
      );
    } catch (e) {
      setLeaving(false);
      setLeaveError(writeFailureMessage(e, 'this device is still signed in'));
    }
  };

  return (
    <div className="stack">
      {welcome && !refused && (
        <p className="notice notice-good" role="status" tabIndex={-1} ref={hello}>
          This device is signed in. What you do here now syncs with your other devices.
        </p>
      )}
      <p>
        Signed in as <strong>{account.person.name}</strong> ({account.person.email})
        {chapter ? <> with {chapter}</> : null}, on &ldquo;{account.device.label}&rdquo;.
      </p>
      {refused ? (
        <div className="notice notice-error stack" role="alert">
          <p>{refused}</p>
          <p className="actions">
            <button type="button" className="button" disabled={leaving} onClick={() => void signInAgain()}>
              Sign in again
            </button>
          </p>
          {leaveError && <p>{leaveError}</p>}
        </div>
      ) : (
        <>
          <SyncStatusLine status={status} />
          <h3>Add another device</h3>
          <AddDevice account={account} onRefused={setRefusal} />
          <h3>Your devices</h3>
          <DeviceList account={account} onRefused={setRefusal} />
        </>
      )}
      <h3>Sign out of this device</h3>
      <SignOut account={account} pending={status?.pending ?? 0} onSignedOut={onSignedOut} />
    </div>
  );
}
