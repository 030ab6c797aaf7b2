// The one IndexedDB database of the app ("clm-study"), opened with Dexie. It stores what a
// candidate does on this device: every answer given (kept forever, so history and progress can
// be rebuilt). Content is not stored here: it ships with the app. Only this folder and the
// features' data.ts modules may import Dexie; components call their named functions.
import { Dexie, type EntityTable } from 'dexie';

export interface AnswerRecord {
  id?: number;
  questionId: string;
  /** Indexes of the chosen options, in the content's option order. */
  choice: number[];
  correct: boolean;
  /** When the answer was given (epoch ms). */
  at: number;
  /** Where it was given, e.g. "area:finance" or "session:technology". */
  context: string;
}

export class ClmDatabase extends Dexie {
  answers!: EntityTable<AnswerRecord, 'id'>;

  constructor(name = 'clm-study') {
    super(name);
    // Keep every old version: each later one adds a .version(n).stores(...) and, when data
    // must move, an .upgrade().
    this.version(1).stores({
      answers: '++id, questionId, at, [questionId+at]',
    });
  }
}

export const db = new ClmDatabase();
