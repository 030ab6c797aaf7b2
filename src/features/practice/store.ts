// UI state of practice rounds in this tab: what was answered in the current round of each
// set. Answers themselves are stored in IndexedDB (data.ts); this only drives the round's
// running score, so losing it on reload loses nothing a candidate needs.
import { create } from 'zustand';

interface Round {
  answered: number;
  correct: number;
}

interface PracticeState {
  rounds: Record<string, Round>;
  noteAnswer: (setKey: string, correct: boolean) => void;
  resetRound: (setKey: string) => void;
}

export const usePracticeStore = create<PracticeState>()((set) => ({
  rounds: {},
  noteAnswer: (setKey, correct) =>
    set((s) => {
      const r = s.rounds[setKey] ?? { answered: 0, correct: 0 };
      return {
        rounds: { ...s.rounds, [setKey]: { answered: r.answered + 1, correct: r.correct + (correct ? 1 : 0) } },
      };
    }),
  resetRound: (setKey) =>
    set((s) => {
      const { [setKey]: _dropped, ...rest } = s.rounds;
      return { rounds: rest };
    }),
}));

const EMPTY: Round = { answered: 0, correct: 0 };
export const selectRound = (setKey: string) => (s: PracticeState) => s.rounds[setKey] ?? EMPTY;
