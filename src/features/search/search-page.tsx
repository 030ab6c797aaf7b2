import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useLoaderData, useSearchParams } from 'react-router';
import { allSessions, loadAllQuestions, loadMaterial } from '../../content/runtime';
import { installed, packsReady } from '../../content/installed';
import { paths } from '../../config/paths';
import { PageTitle } from '../../components/ui/page-title';
import { buildIndex, search, type SearchDoc } from '../../lib/search';
import { clip } from '../../lib/text';

let built: Promise<ReturnType<typeof buildIndex>> | undefined;
let builtWith: ReturnType<typeof installed> | undefined;

/** Builds the index once per page load, from the cached content chunks. */
export async function loader() {
  await packsReady();
  // Built again when a session pack was installed or removed since.
  if (builtWith !== installed()) built = undefined;
  builtWith = installed();
  built ??= (async () => {
    const sessions = allSessions();
    const [questions, materials] = await Promise.all([
      loadAllQuestions(),
      Promise.all(sessions.map((s) => loadMaterial(s.id))),
    ]);
    const docs: SearchDoc[] = [
      ...sessions.map((s, i) => ({
        id: `session:${s.id}`,
        kind: 'session' as const,
        title: s.title,
        text: materials[i]?.materialText ?? '',
        href: paths.session.href(s.id),
      })),
      ...questions.map((q) => ({
        id: `question:${q.id}`,
        kind: 'question' as const,
        title: clip(q.stemText, 90),
        // Plain text made by the compiler: no tags or entities to strip here.
        text: [q.stemText, ...q.options.flatMap((o) => [o.text, o.rationaleText ?? '']), q.explanationText ?? '']
          .filter((t) => t !== '')
          .join(' '),
        href: `${paths.practiceArea.href(q.area)}?q=${q.id}`,
      })),
    ];
    return buildIndex(docs);
  })();
  built.catch(() => (built = undefined));
  return built;
}

export function Component() {
  const index = useLoaderData() as Awaited<ReturnType<typeof loader>>;
  const [params, setParams] = useSearchParams();
  // The box keeps its own state, so keystrokes are never lost while the address catches up on
  // a slow device; the address only mirrors it, for sharing and reloading.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => search(index, deferred), [index, deferred]);
  return (
    <>
      <PageTitle title="Search">Search</PageTitle>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>Search session material and questions</span>
          <input
            type="search"
            value={query}
            autoFocus
            onChange={(e) => {
              setQuery(e.target.value);
              setParams(e.target.value ? { q: e.target.value } : {}, { replace: true });
            }}
          />
        </label>
      </form>
      <p role="status" className="muted">
        {deferred.trim().length < 2
          ? 'Type at least two letters.'
          : `${hits.length === 30 ? 'First 30' : hits.length} result${hits.length === 1 ? '' : 's'}`}
      </p>
      <ol className="results" aria-label="Results">
        {hits.map((h) => (
          <li key={h.id}>
            <Link to={h.href}>{h.title}</Link>{' '}
            <span className="muted">({h.kind === 'session' ? 'session material' : 'question'})</span>
            <p>
              {h.snippet.map((part, i) =>
                part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
