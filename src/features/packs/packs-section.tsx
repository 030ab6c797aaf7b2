// Settings: the session packs on this device. A pack from a file is opened here (refused whole
// when it has any problem, each one named); one from the chapter arrives by itself when the
// device is signed in. Removing a pack keeps the progress on its questions for its return; a
// speaker or the committee can withdraw a chapter pack from every member's app.
import { useRef, useState } from 'react';
import { readText } from '../../components/ui/files';
import { ImportRefusal } from '../../components/ui/import-refusal';
import { writeFailureMessage } from '../../lib/write-error';
import './packs.css';
import {
  openPackFile,
  receivePacksNow,
  removeHeldPack,
  useInstalled,
  useMayPublish,
  withdrawFromChapter,
} from './data';

type Said = { error: boolean; text: string } | { file: string; problems: string[] };

export default function PacksSection() {
  const { packs } = useInstalled();
  const mayPublish = useMayPublish();
  const [said, setSaid] = useState<Said | undefined>();
  const [busy, setBusy] = useState(false);
  const [input, setInput] = useState(0);
  const working = useRef(false);
  const run = async (work: () => Promise<Said | undefined>, failed: string) => {
    if (working.current) return;
    working.current = true;
    setBusy(true);
    try {
      setSaid(await work());
    } catch (e) {
      setSaid({ error: true, text: writeFailureMessage(e, failed) });
    } finally {
      working.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <p className="muted">
        A session pack is a speaker's session and its questions. It shows in Sessions, Areas, Practice, Search and mock
        exams, offline.
      </p>
      {packs.length === 0 ? (
        <p>No session packs on this device.</p>
      ) : (
        <ul className="pack-list">
          {packs.map((p) => (
            <li key={p.id} className="pack-row">
              <span>
                <strong>{p.compiled.session.title}</strong> · version {p.version} · {p.compiled.questions.length}{' '}
                questions · {p.from === 'chapter' ? 'from your chapter' : 'from a file'} · by {p.pack.manifest.author}
              </span>
              {p.from === 'file' && (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  aria-label={`Remove ${p.compiled.session.title}`}
                  onClick={() =>
                    run(async () => {
                      await removeHeldPack(p.id);
                      return {
                        error: false,
                        text: `Removed "${p.compiled.session.title}". Your answers to its questions are kept.`,
                      };
                    }, 'the pack was not removed')
                  }
                >
                  Remove
                </button>
              )}
              {p.from === 'chapter' && mayPublish && (
                <button
                  type="button"
                  className="button-secondary"
                  disabled={busy}
                  aria-label={`Withdraw ${p.compiled.session.title} from the chapter`}
                  onClick={() => {
                    const title = p.compiled.session.title;
                    if (
                      !confirm(
                        `Withdraw "${title}" from your chapter? Every member's app removes it at its next check; their answers are kept, and publishing a new version brings it back.`,
                      )
                    )
                      return;
                    void run(() => withdrawFromChapter(p.id, title), 'the pack was not withdrawn');
                  }}
                >
                  Withdraw
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <label className="field">
        <span>Open a pack file</span>
        <input
          key={input}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setInput((n) => n + 1);
            if (!file) return;
            void run(async () => {
              const r = await openPackFile(await readText(file));
              if (!r.ok) return { file: file.name, problems: r.problems };
              const how =
                r.result === 'unchanged'
                  ? 'is already on this device'
                  : r.result === 'updated'
                    ? 'is updated'
                    : 'is added';
              return { error: false, text: `"${r.title}" (version ${r.version}) ${how}.` };
            }, 'the pack was not added');
          }}
        />
      </label>
      <p className="actions">
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const r = await receivePacksNow();
              if (!r) return { error: true, text: 'Sign in (above) to receive your chapter’s packs.' };
              if (!r.ok) return { error: true, text: r.error };
              const news = [
                ...r.installed.map((t) => `received ${t}`),
                ...r.removed.map((t) => `removed ${t} (withdrawn)`),
              ];
              return {
                error: false,
                text: news.length > 0 ? `Done: ${news.join('; ')}.` : 'Your packs are up to date.',
              };
            }, 'the packs were not checked')
          }
        >
          Check for chapter packs
        </button>
      </p>
      {said && 'problems' in said ? (
        <ImportRefusal file={said.file} problems={said.problems} />
      ) : (
        said && (
          <p role={said.error ? 'alert' : 'status'} className={said.error ? 'notice notice-error' : 'notice'}>
            {said.text}
          </p>
        )
      )}
    </div>
  );
}
