import { memo } from 'react';
import { Fold } from '../../components/ui/fold';
import { content, useBankCounts } from '../../content/runtime';
import { plural } from '../../lib/text';
import type { Mastery } from '../../lib/progress';
import type { SetSource } from '../../db/db';
import type { TreeMastery } from './data';

interface Props {
  mastery: TreeMastery | undefined;
  start: (source: SetSource) => void;
  busy: boolean;
}

function masteryText(m: Mastery | undefined): string {
  if (!m || m.seen === 0) return 'not started';
  return `${m.accuracy ?? 0}% right of ${m.seen} seen`;
}

/** Areas, sub-areas and competencies as a tree: each a button that starts a set, with its count and mastery. */
/** Memoized: the hub's other state (counts, busy) does not redraw every row. */
export const PracticeTree = memo(function PracticeTree({ mastery, start, busy }: Props) {
  const { areas } = content;
  const counts = useBankCounts();
  return (
    <ul className="tree">
      {areas.map((a) => (
        <li key={a.id}>
          <Fold
            summary={
              <>
                <span className="tree-title">{a.title}</span>{' '}
                <span className="muted">
                  {counts.byArea[a.id] ?? 0} questions · {masteryText(mastery?.byArea.get(a.id))}
                </span>
              </>
            }
          >
            {() => (
              <>
                <SetButton
                  label={`All of ${a.title}`}
                  detail={`${plural(counts.byArea[a.id] ?? 0, 'question')}`}
                  onClick={() => start({ type: 'area', id: a.id })}
                  busy={busy}
                />
                <ul className="tree">
                  {a.subareas.map((s) => (
                    <li key={s.id}>
                      <SetButton
                        label={s.title}
                        detail={`${plural(counts.bySubarea[s.id] ?? 0, 'question')} · ${masteryText(mastery?.bySubarea.get(s.id))}`}
                        onClick={() => start({ type: 'subarea', id: s.id })}
                        busy={busy}
                      />
                      <Fold className="tree-competencies" summary={`${s.competencies.length} competencies`}>
                        {() => (
                          <ul className="tree">
                            {s.competencies.map((c) => (
                              <li key={c.id}>
                                <SetButton
                                  label={c.title}
                                  detail={`${plural(counts.byCompetency[c.id] ?? 0, 'question')} · ${masteryText(mastery?.byCompetency.get(c.id))}`}
                                  onClick={() => start({ type: 'competency', id: c.id })}
                                  busy={busy || (counts.byCompetency[c.id] ?? 0) === 0}
                                />
                              </li>
                            ))}
                          </ul>
                        )}
                      </Fold>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Fold>
        </li>
      ))}
    </ul>
  );
});

export function SetButton({
  label,
  detail,
  onClick,
  busy,
}: {
  label: string;
  detail: string;
  onClick: () => void;
  busy: boolean;
}) {
  return (
    <button type="button" className="set-button" disabled={busy} onClick={onClick}>
      <span className="set-button-label">{label}</span>
      <span className="set-button-detail">{detail}</span>
    </button>
  );
}
