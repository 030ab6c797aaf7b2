// The exam clock: one rule for how much time an exam has used and has left, used by the exam
// page, the exam list and the submit. Time counts only while the exam is on screen and not
// paused. The page folds the running span into `usedMs` at every checkpoint (each second); a
// span that was never folded (the tab was killed, the laptop closed, the browser crashed)
// counts for at most MAX_UNSAVED_MS, so a crash costs at most a few seconds and never runs the
// clock down while nobody is looking.

/** How often the exam page folds the running time into the attempt. */
export const CHECKPOINT_MS = 1000;
/** The most an unfolded span can count: a late checkpoint is still counted, a dead tab is not. */
export const MAX_UNSAVED_MS = 2500;

export interface ClockState {
  durationMs?: number | undefined;
  usedMs?: number | undefined;
  /** When the running span began (the last checkpoint); null or absent when stopped. */
  runningSince?: number | null | undefined;
  paused?: boolean | undefined;
}

/** The part of the current running span that counts (0 when stopped). */
export function runningSpan(c: ClockState, now: number): number {
  if (!c.runningSince || c.paused) return 0;
  return Math.min(MAX_UNSAVED_MS, Math.max(0, now - c.runningSince));
}

/** Time used so far, never beyond the allowed time. */
export function usedTime(c: ClockState, now: number): number {
  const used = (c.usedMs ?? 0) + runningSpan(c, now);
  return c.durationMs === undefined ? used : Math.min(c.durationMs, used);
}

/** Time left; the one figure every screen shows. */
export function timeLeft(c: ClockState, now: number): number {
  return Math.max(0, (c.durationMs ?? 0) - usedTime(c, now));
}

/** A checkpoint: fold the running span into the time used and, unless stopping, keep running. */
export function checkpoint(c: ClockState, now: number, keepRunning: boolean): Required<Omit<ClockState, 'durationMs'>> {
  const span = runningSpan(c, now);
  const usedMs = (c.usedMs ?? 0) + span;
  const paused = c.paused === true;
  return { usedMs, paused, runningSince: keepRunning && !paused ? now : null };
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
    : `${m}:${String(s).padStart(2, '0')}`;
}
