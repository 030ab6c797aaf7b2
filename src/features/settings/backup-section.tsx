import { useRef, useState } from 'react';
import { download, readText } from '../../components/ui/files';
import { writeFailureMessage } from '../../lib/write-error';
import { noteWrite, readBackup, restore, saveBackup, useBackupStatus, type ReadResult } from './data';

type Ready = Extract<ReadResult, { ok: true }>;
type Message = { error: boolean; text: string };

const TABLE_NAMES: Record<string, string> = {
  answers: 'answers',
  cards: 'review cards',
  attempts: 'practice sets and exams',
  flags: 'flags',
  settings: 'settings',
  progress: 'question summaries',
  days: 'study days',
  members: 'members',
  attendance: 'attendance records',
  sessionChanges: 'schedule changes',
  education: 'education entries',
};

const when = (t: number) => new Date(t).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** Export my data / Restore: a whole-device backup as one JSON file. */
export function BackupSection() {
  const status = useBackupStatus();
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState<Ready | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [input, setInput] = useState(0);

  const working = useRef(false);
  const run = async (work: () => Promise<Message>, failed = 'nothing was changed') => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    try {
      setMessage(await work());
    } catch (e) {
      noteWrite(e);
      setMessage({ error: true, text: writeFailureMessage(e, failed) });
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  const exportNow = () =>
    run(async () => {
      const { name, noted } = await saveBackup((n, text) => download(n, 'application/json', text));
      const unnoted = noted
        ? ''
        : ' This device is too full to note when you exported, so the reminder may still show.';
      return { error: false, text: `Saved ${name}. Keep it somewhere other than this device.${unnoted}` };
    }, 'the backup was not made');

  const choose = (file: File | undefined) => {
    setReady(undefined);
    if (!file) return;
    void run(async () => {
      const result = await readBackup(file, readText);
      if (!result.ok) {
        setInput((n) => n + 1);
        return { error: true, text: `This file cannot be restored. ${result.problems.join(' ')}` };
      }
      setReady(result);
      return { error: false, text: 'The file is a complete backup. Check what it will do, then restore.' };
    });
  };

  const confirm = (backup: Ready['backup']) =>
    run(async () => {
      await restore(backup);
      noteWrite();
      setReady(undefined);
      setInput((n) => n + 1);
      return { error: false, text: 'Restored: your data from the backup is back on this device.' };
    }, 'nothing was restored: this device is as it was');

  const changes = ready?.plan.filter((c) => c.add + c.replace > 0) ?? [];
  return (
    <div className="stack">
      {status?.due && (
        <p className="notice" role="note">
          {status.lastExportAt === undefined
            ? 'You have not saved a backup yet.'
            : `Your last backup is from ${when(status.lastExportAt)}.`}{' '}
          This browser may clear its storage: export your data now.
        </p>
      )}
      <p className="muted">
        One file with everything stored on this device: answers, reviews, exams, flags, settings and exam date,
        education log, roster, attendance and schedule changes.
        {status?.lastExportAt !== undefined && ` Last export: ${when(status.lastExportAt)}.`}
      </p>
      <p className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void exportNow()}>
          Export my data
        </button>
      </p>
      <label className="field">
        <span>Restore from a backup file</span>
        <input
          key={input}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0])}
        />
      </label>
      {ready && (
        <div className="stack" aria-labelledby="restore-plan">
          <h3 id="restore-plan">What the restore will do</h3>
          <p>
            Records from the file are added; a record already here with the same key is replaced by the file&apos;s.
            Nothing else on this device is removed.
          </p>
          {changes.length === 0 ? (
            <p>The file holds no records.</p>
          ) : (
            <ul>
              {changes.map((c) => (
                <li key={c.table}>
                  {TABLE_NAMES[c.table] ?? c.table}: {c.add} added, {c.replace} replaced
                </li>
              ))}
            </ul>
          )}
          <p className="actions">
            <button type="button" className="button" disabled={busy} onClick={() => void confirm(ready.backup)}>
              Restore
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => {
                setReady(undefined);
                setInput((n) => n + 1);
                setMessage(undefined);
              }}
            >
              Cancel
            </button>
          </p>
        </div>
      )}
      <p role="status" className={message?.error ? 'notice notice-error' : undefined}>
        {message?.text}
      </p>
    </div>
  );
}
