// The current time for rendering, read once on mount (and again every `everyMs` when given),
// so components stay pure: the same render never reads a different clock.
import { useEffect, useState } from 'react';

export function useNow(everyMs?: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!everyMs) return;
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
