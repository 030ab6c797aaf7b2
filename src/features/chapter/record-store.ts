// The attendance records of the session on screen, held outside React state so that a tap
// re-renders only the row it changed, not a list of 2,000 members.
import type { Attendance } from '../../lib/chapter';

export interface RecordStore {
  set: (records: readonly Attendance[]) => void;
  get: (memberId: string) => Attendance | undefined;
  subscribe: (listener: () => void) => () => void;
}

export function createRecordStore(): RecordStore {
  let byMember = new Map<string, Attendance>();
  const listeners = new Set<() => void>();
  return {
    set(records) {
      const next = new Map<string, Attendance>();
      for (const r of records) {
        const before = byMember.get(r.memberId);
        // Keep the old object when nothing changed, so unchanged rows see the same snapshot.
        const same =
          before && before.present === r.present && before.hours === r.hours && before.updatedAt === r.updatedAt;
        next.set(r.memberId, same ? before : r);
      }
      byMember = next;
      for (const l of listeners) l();
    },
    get: (memberId) => byMember.get(memberId),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
