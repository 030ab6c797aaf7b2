// Export the draft as a pack file, or publish it to the chapter (speakers and the committee,
// signed in). Both only from a draft without problems; the server checks the pack again.
import { memo, useEffect, useState } from 'react';
import { download } from '../../components/ui/files';
import type { Checked } from './check-protocol';
import { packFileName, packOf, publish, publisher, type Draft } from './data';

type Said = { error: boolean; text: string; problems?: string[] | undefined };

// Memoized, with the draft read only when a button is pressed: a keystroke does not redraw it.
export const PackActions = memo(function PackActions({
  version,
  currentDraft,
  latest,
  onVersion,
}: {
  version: number;
  currentDraft: () => Draft;
  latest: Checked | undefined;
  onVersion: (version: number) => void;
}) {
  const [who, setWho] = useState<Awaited<ReturnType<typeof publisher>> | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | undefined>();
  useEffect(() => {
    void publisher().then(setWho, () => setWho(undefined));
  }, []);
  const compiled = latest?.compiled;
  const ready = compiled !== undefined && !busy;
  const pack = () => {
    if (!compiled) throw new Error('The draft has problems.');
    // The worker's compiled session and questions are what the pack's manifest is made from.
    return packOf(currentDraft(), compiled);
  };

  return (
    <section aria-labelledby="pack" className="card stack">
      <h2 id="pack">Pack</h2>
      <label className="field field-narrow">
        <span>Version</span>
        <input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={version}
          onChange={(e) => {
            const v = Math.floor(Number(e.target.value));
            if (Number.isFinite(v) && v >= 1) onVersion(v);
          }}
        />
      </label>
      <p className="muted">
        Publish a changed pack as the next version: members keep their progress on questions whose ids stay.
      </p>
      <p className="actions">
        <button
          type="button"
          className="button-secondary"
          disabled={!ready}
          onClick={() => {
            const p = pack();
            download(packFileName(p.manifest), 'application/json', JSON.stringify(p, null, 2));
            setSaid({ error: false, text: `Exported ${packFileName(p.manifest)}.` });
          }}
        >
          Export pack file
        </button>
        {who?.allowed && (
          <button
            type="button"
            className="button"
            disabled={!ready}
            onClick={async () => {
              setBusy(true);
              setSaid(undefined);
              try {
                const p = pack();
                const r = await publish(p);
                setSaid(
                  r.ok
                    ? { error: false, text: `Published version ${r.value.version} to your chapter.` }
                    : { error: true, text: `Not published: ${r.error}`, problems: r.problems?.slice(1) },
                );
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? 'Publishing…' : 'Publish to my chapter'}
          </button>
        )}
      </p>
      {who === undefined && (
        <p className="muted">Sign in (Settings) as a speaker or committee member to publish to your chapter.</p>
      )}
      {who && !who.allowed && (
        <p className="muted">
          Only speakers and the committee publish to the chapter. You can still export the pack as a file.
        </p>
      )}
      {said && (
        <div role={said.error ? 'alert' : 'status'} className={said.error ? 'notice notice-error' : 'notice'}>
          <p>{said.text}</p>
          {said.problems && said.problems.length > 0 && (
            <ul>
              {said.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
});
