// The Author page: a speaker writes a session and its questions in Markdown, sees every
// problem at its line as they type (checked in a worker by the build's compiler), previews
// what candidates will see, and exports or publishes the pack. The draft is saved on every
// change. This route alone loads CodeMirror, the compiler and the built-in areas' source.
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageTitle } from '../../components/ui/page-title';
import { writeFailureMessage } from '../../lib/write-error';
import { MarkdownEditor, type EditorHandle } from './markdown-editor';
import { newDraft, readDraft, saveDraft, type Draft } from './data';
import { useCheck } from './use-check';
import { Problems, type FileName } from './problems';
import { Preview } from './preview';
import { PackActions } from './pack-actions';
import './author.css';

export function Component() {
  const [draft, setDraft] = useState<Draft | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  useEffect(() => {
    readDraft().then(
      (d) => setDraft(d ?? newDraft()),
      (e: unknown) => {
        setLoadError(writeFailureMessage(e, 'the saved draft could not be read'));
        setDraft(newDraft());
      },
    );
  }, []);
  return (
    <>
      <PageTitle title="Author a session pack">Author a session pack</PageTitle>
      <p className="lede">
        Write a session and its questions in Markdown. Problems are listed as you type, the preview is what candidates
        will see, and the draft is saved on this device with every change.
      </p>
      {loadError && <p className="notice notice-error">{loadError}</p>}
      {draft ? <Author initial={draft} /> : <p className="muted">Loading your draft…</p>}
    </>
  );
}

function Author({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState(initial);
  const [tab, setTab] = useState<FileName>('session');
  const [generation, setGeneration] = useState(0);
  // Plain values, not one object, so setting the same value again redraws nothing. A keystroke
  // still draws this page twice (the text with "Saving…", then "Saved"); the side panels not at all.
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | undefined>();
  const editor = useRef<EditorHandle>(null);
  const [startAt, setStartAt] = useState<{ line: number; column: number } | undefined>();
  const check = useCheck(draft.session, draft.questions);
  // The latest draft and tab for the callbacks below, which stay the same from one keystroke to
  // the next so the memoized side panels (problems, pack, preview) are not drawn again.
  const latest = useRef({ draft, tab });
  useEffect(() => {
    latest.current.tab = tab;
  }, [tab]);

  const change = useCallback((patch: Partial<Draft>) => {
    const next = { ...latest.current.draft, ...patch, updatedAt: Date.now() };
    latest.current.draft = next;
    setDraft(next);
    setSaving(true);
    saveDraft(next).then(
      () => {
        setSaving(false);
        setSaveError(undefined);
      },
      (e: unknown) => {
        setSaving(false);
        setSaveError(writeFailureMessage(e, 'your latest change is not saved yet'));
      },
    );
  }, []);
  const onVersion = useCallback((version: number) => change({ version }), [change]);
  const currentDraft = useCallback(() => latest.current.draft, []);

  const go = useCallback((file: FileName, line: number, column: number) => {
    if (file === latest.current.tab) editor.current?.goTo(line, column);
    else {
      setStartAt({ line, column });
      setTab(file);
    }
  }, []);

  return (
    <div className="author">
      <div className="author-edit">
        <div role="tablist" aria-label="Draft files" className="tabs">
          {(['session', 'questions'] as const).map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              id={`tab-${f}`}
              aria-selected={tab === f}
              aria-controls="draft-file"
              className="tab"
              onClick={() => {
                setStartAt(undefined);
                setTab(f);
              }}
            >
              {f === 'session' ? 'Session file' : 'Question file'}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="draft-file" aria-labelledby={`tab-${tab}`}>
          <MarkdownEditor
            key={`${tab}-${generation}`}
            ref={editor}
            startAt={startAt}
            label={tab === 'session' ? 'Session file (Markdown)' : 'Question file (Markdown)'}
            value={tab === 'session' ? draft.session : draft.questions}
            onChange={(text) => change(tab === 'session' ? { session: text } : { questions: text })}
          />
        </div>
        <p role="status" className={saveError ? 'notice notice-error' : 'muted'}>
          {saveError ?? (saving ? 'Saving…' : 'Saved on this device.')}
        </p>
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              if (!confirm('Replace this draft with a new one from the template? The current text will be lost.'))
                return;
              change(newDraft());
              setGeneration((g) => g + 1);
            }}
          >
            Start a new draft
          </button>
        </p>
      </div>
      <div className="author-side">
        <Problems issues={check.latest?.issues} checking={check.checking} onGo={go} />
        <PackActions
          version={draft.version}
          currentDraft={currentDraft}
          latest={check.checking ? undefined : check.latest}
          onVersion={onVersion}
        />
        <Preview latest={check.latest} lastClean={check.lastClean} />
      </div>
    </div>
  );
}
