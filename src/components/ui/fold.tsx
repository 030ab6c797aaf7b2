// A <details> whose content is drawn the first time it is opened, then kept: a long tree of
// folded rows (areas, sub-areas, competencies) costs nothing until someone opens a branch.
import { useState, type ReactNode } from 'react';

export function Fold({
  summary,
  className,
  children,
}: {
  summary: ReactNode;
  className?: string;
  /** The folded content, drawn on first opening. */
  children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className={className}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
