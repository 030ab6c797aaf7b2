// Share view: CSV exports (roster, attendance matrix from the one hours rule) and the chapter
// file that carries the roster, attendance and schedule changes to another committee device.
import { useState } from 'react';
import { PageTitle } from '../../components/ui/page-title';
import { download } from '../../components/ui/files';
import { ImportRefusal, refusedProblems } from '../../components/ui/import-refusal';
import { attendanceMatrixCsv, rosterCsv } from '../../lib/exports';
import { GroupNav } from './group-nav';
import { exportChapterFile, importChapter } from './data';
import { useSeason } from './use-season';
import { FormError } from './form-error';
import { useSubmit } from './use-submit';

const CSV = 'text/csv;charset=utf-8';

export function Component() {
  const data = useSeason();
  const [summary, setSummary] = useState<{ text: string; changes: string[] } | null>(null);
  const [refused, setRefused] = useState<{ file: string; problems: string[] } | null>(null);
  const { saving, error, run } = useSubmit();
  const importFile = (file: File) => {
    setSummary(null);
    setRefused(null);
    void run(async () => {
      let s;
      try {
        s = await importChapter(file);
      } catch (err) {
        const problems = refusedProblems(err);
        if (!problems) throw err;
        return setRefused({ file: file.name, problems });
      }
      setSummary({
        text:
          `Imported from ${file.name}: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.keptLocal} kept from this device (newer here)` +
          (s.refused.length > 0 ? `, ${s.refused.length} refused.` : '.'),
        changes: [...s.refused, ...s.changes],
      });
    }, 'nothing was changed');
  };
  return (
    <>
      <PageTitle title="Share">Exports and sharing</PageTitle>
      <GroupNav />
      <section aria-labelledby="exports" className="card stack">
        <h2 id="exports">Exports</h2>
        <p className="actions">
          <button
            type="button"
            className="button-secondary"
            disabled={!data}
            onClick={() => data && download('roster.csv', CSV, rosterCsv(data.members))}
          >
            Roster (CSV)
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={!data}
            onClick={() => data && download('attendance.csv', CSV, attendanceMatrixCsv(data.members, data.season))}
          >
            Attendance matrix (CSV)
          </button>
        </p>
      </section>
      <section aria-labelledby="chapter-file" className="card stack">
        <h2 id="chapter-file">Chapter file</h2>
        <p>
          <button
            type="button"
            className="button"
            disabled={saving}
            onClick={() =>
              void run(async () => {
                download('chapter-study-group.json', 'application/json', await exportChapterFile());
              }, 'the chapter file was not made')
            }
          >
            Export the chapter file
          </button>
        </p>
        <p className="muted">
          The chapter file holds the roster, attendance and this device's schedule changes. Import it on another
          committee member's device: the same member is matched by email, each field keeps its newer change (a rename
          there and a role change here both survive), nothing is deleted, and importing the same file twice changes
          nothing.
        </p>
        <label className="field">
          <span>Import a chapter file</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={saving}
            onClick={(e) => {
              e.currentTarget.value = '';
            }}
            onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])}
          />
        </label>
        {summary && (
          <div role="status">
            <p>{summary.text}</p>
            {summary.changes.length > 0 && (
              <ul className="merge-changes">
                {summary.changes.slice(0, 100).map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
                {summary.changes.length > 100 && <li>and {summary.changes.length - 100} more</li>}
              </ul>
            )}
          </div>
        )}
        {refused && <ImportRefusal file={refused.file} problems={refused.problems} />}
        <FormError error={error} />
      </section>
    </>
  );
}
