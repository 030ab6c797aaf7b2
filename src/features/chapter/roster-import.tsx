// The CSV import: every row is checked and shown before anything is added; importing is one
// transaction, safe against a double click and a member added while the preview was open.
// The CSV reader (papaparse, zod) loads when a file is chosen, not with the roster page.
import { useState } from 'react';
import type { Member } from '../../lib/chapter';
import { sizeProblem } from '../../lib/import-problems';
import type { RosterRow } from '../../lib/roster-csv';
import '../../components/ui/import-refusal.css';
import { addMembers } from './data';
import { FormError } from './form-error';
import { errorText, useSubmit } from './use-submit';

/** The bytes of a file (FileReader: Blob.arrayBuffer is missing in some browsers still in use). */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(new Uint8Array(reader.result as ArrayBuffer)));
    reader.addEventListener('error', () => reject(reader.error ?? new Error('the file could not be read.')));
    reader.readAsArrayBuffer(file);
  });
}

const SHOW_FINE = 200;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function RosterImport({ members }: { members: Member[] | undefined }) {
  const [preview, setPreview] = useState<{
    rows: RosterRow[];
    problems?: string[] | undefined;
    fileError?: string | undefined;
  } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const { saving, error, run } = useSubmit();

  const readFile = async (file: File) => {
    setDone(null);
    setAll(false);
    const tooBig = sizeProblem(file.size);
    if (tooBig) return setPreview({ rows: [], fileError: `Nothing was imported: ${tooBig}` });
    try {
      const [bytes, { decodeCsv, parseRosterCsv, rowProblems }] = await Promise.all([
        readBytes(file),
        import('../../lib/roster-csv'),
      ]);
      const decoded = decodeCsv(bytes);
      if ('error' in decoded) return setPreview({ rows: [], fileError: decoded.error });
      const parsed = parseRosterCsv(decoded.text, new Set((members ?? []).map((m) => m.email)));
      setPreview({ ...parsed, problems: rowProblems(parsed.rows) });
    } catch (err) {
      setPreview({ rows: [], fileError: `The file could not be read: ${errorText(err)}` });
    }
  };

  const importRows = () =>
    void run(async () => {
      if (!preview) return;
      // A file with a bad row is refused whole; rows already on the roster are skipped.
      if (preview.rows.some((r) => r.error)) return;
      const { added, skipped } = await addMembers(preview.rows.filter((r) => !r.skip));
      const rest = preview.rows.filter((r) => r.skip).length + skipped.length;
      setDone(
        `${plural(added, 'member')} added.${rest > 0 ? ` ${plural(rest, 'row')} already on the roster, skipped.` : ''}`,
      );
      setPreview(null);
    }, 'nothing was imported');

  const good = preview?.rows.filter((r) => !r.error && !r.skip).length ?? 0;
  // Rows with a problem first, all of them; then the rest, the first few unless asked.
  const problems = preview?.rows.filter((r) => r.error) ?? [];
  const fine = preview?.rows.filter((r) => !r.error) ?? [];
  const shown = [...problems, ...(all ? fine : fine.slice(0, SHOW_FINE))];
  return (
    <div className="card stack">
      <h2>Import members from a CSV file</h2>
      <p className="muted">
        Columns: name, email, and optionally role (candidate, clm or guest); at most 5,000 rows. Every row is checked
        first: a file with a problem is refused whole, and members already on the roster are skipped.
      </p>
      <label className="field">
        <span>CSV file</span>
        <input
          type="file"
          accept=".csv,text/csv"
          // The preview marks members already on the roster: it waits for the roster to load.
          disabled={members === undefined}
          onClick={(e) => {
            // Choosing the same file again must read it again.
            e.currentTarget.value = '';
          }}
          onChange={(e) => e.target.files?.[0] && void readFile(e.target.files[0])}
        />
      </label>
      {done && <p role="status">{done}</p>}
      <FormError error={preview?.fileError ?? error} />
      {preview && !preview.fileError && (
        <>
          <p>
            {plural(preview.rows.length, 'row')}: {good} ready
            {fine.length > good ? `, ${fine.length - good} already on the roster` : ''}
            {problems.length > 0 ? `, ${problems.length} with a problem (listed first)` : ''}.
          </p>
          {preview.problems && preview.problems.length > 0 && (
            <div className="notice notice-error import-refusal" role="alert">
              <p>This file is refused, and nothing was imported. Fix these rows and choose the file again:</p>
              <ul>
                {preview.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="table-scroll" role="region" aria-label="Import preview" tabIndex={0}>
            <table className="scores import-preview">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Check</th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td className={r.error ? 'tag-wrong' : r.skip ? undefined : 'tag-correct'}>
                      {r.error ?? (r.skip ? `Skipped: ${r.skip}` : 'OK')}
                    </td>
                    <td>{r.name}</td>
                    <td>{r.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {fine.length > SHOW_FINE && !all && (
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              Show all {fine.length.toLocaleString('en-US')} rows that are ready
            </button>
          )}
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={good === 0 || problems.length > 0 || saving}
              onClick={importRows}
            >
              {saving ? 'Importing…' : `Import ${good} members`}
            </button>
            <button type="button" className="button-secondary" disabled={saving} onClick={() => setPreview(null)}>
              Cancel
            </button>
          </p>
        </>
      )}
    </div>
  );
}
