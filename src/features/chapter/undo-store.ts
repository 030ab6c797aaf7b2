// In-tab undo for check-in: the states attendance records had before each change.
import { create } from 'zustand';
import type { Attendance } from '../../lib/chapter';

interface UndoState {
  stack: { id: string; label: string; previous: Attendance | undefined }[];
  push: (entry: { id: string; label: string; previous: Attendance | undefined }) => void;
  pop: () => { id: string; label: string; previous: Attendance | undefined } | undefined;
}

export const useUndoStore = create<UndoState>()((set, get) => ({
  stack: [],
  push: (entry) => set((s) => ({ stack: [...s.stack.slice(-49), entry] })),
  pop: () => {
    const last = get().stack.at(-1);
    if (last) set((s) => ({ stack: s.stack.slice(0, -1) }));
    return last;
  },
}));
