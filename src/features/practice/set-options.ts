// The choices a practice set offers, without the database code that starts one.
import { content } from '../../content/runtime';
import { examPaceMs } from '../../lib/exam';

export type SetLength = 10 | 25 | 50 | 'all';
export const LENGTHS: SetLength[] = [10, 25, 50, 'all'];

/** The real exam's pace: milliseconds per question (content/program.md). */
export const examPace = () => examPaceMs(content.program.exam);
