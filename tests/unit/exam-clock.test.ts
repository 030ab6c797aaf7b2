// The exam clock rule (src/lib/exam-clock.ts): time counts only while the exam is on screen and
// not paused; a span that was never folded (a crash, a killed tab) counts for at most
// MAX_UNSAVED_MS, which the issue bounds at 5 s; the
// time used never passes the allowed time; every screen shows the same figure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_MS,
  MAX_UNSAVED_MS,
  checkpoint,
  formatClock,
  runningSpan,
  timeLeft,
  usedTime,
  type ClockState,
} from '../../src/lib/exam-clock';

const T0 = Date.UTC(2027, 0, 12, 14, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the exam clock', () => {
  it('counts nothing while stopped or paused', () => {
    expect(runningSpan({ usedMs: 0, runningSince: null }, T0)).toBe(0);
    expect(runningSpan({ usedMs: 0 }, T0)).toBe(0);
    expect(runningSpan({ usedMs: 0, runningSince: T0 - 3000, paused: true }, T0)).toBe(0);
    const paused: ClockState = { durationMs: 20 * MIN, usedMs: 5 * MIN, runningSince: T0 - 3000, paused: true };
    expect(timeLeft(paused, T0)).toBe(15 * MIN);
    expect(timeLeft(paused, T0 + HOUR)).toBe(15 * MIN);
  });

  it('counts a running span since the last checkpoint', () => {
    const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0 };
    expect(runningSpan(c, T0 + 2500)).toBe(2500);
    expect(usedTime(c, T0 + 2500)).toBe(MIN + 2500);
    expect(timeLeft(c, T0 + 2500)).toBe(19 * MIN - 2500);
  });

  it('caps a span that was never folded: a crash an hour ago costs at most 5 s, not the hour', () => {
    // A late checkpoint (a busy phone) still counts in full; a dead tab never costs over 5 s.
    expect(MAX_UNSAVED_MS).toBeGreaterThanOrEqual(CHECKPOINT_MS);
    expect(MAX_UNSAVED_MS).toBeLessThanOrEqual(5000);
    expect(runningSpan({ usedMs: 0, runningSince: T0 }, T0 + CHECKPOINT_MS)).toBe(CHECKPOINT_MS);
    const crashed: ClockState = { durationMs: 20 * MIN, usedMs: 2 * MIN, runningSince: T0 };
    expect(runningSpan(crashed, T0 + HOUR)).toBe(MAX_UNSAVED_MS);
    expect(timeLeft(crashed, T0 + HOUR)).toBe(18 * MIN - MAX_UNSAVED_MS);
    // A laptop closed for a week: the same.
    expect(timeLeft(crashed, T0 + 7 * 24 * HOUR)).toBe(18 * MIN - MAX_UNSAVED_MS);
  });

  it('never counts a clock that went backwards', () => {
    const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0 };
    expect(runningSpan(c, T0 - 30_000)).toBe(0);
    expect(usedTime(c, T0 - 30_000)).toBe(MIN);
  });

  it('never goes beyond the allowed time, and time left never below zero', () => {
    const c: ClockState = { durationMs: 20 * MIN, usedMs: 20 * MIN - 1000, runningSince: T0 };
    expect(usedTime(c, T0 + 4000)).toBe(20 * MIN);
    expect(timeLeft(c, T0 + 4000)).toBe(0);
    const over: ClockState = { durationMs: 20 * MIN, usedMs: 25 * MIN, runningSince: null };
    expect(usedTime(over, T0)).toBe(20 * MIN);
    expect(timeLeft(over, T0)).toBe(0);
    // A practice set without a time limit keeps counting; it has no time left to show.
    expect(usedTime({ usedMs: 25 * MIN, runningSince: null }, T0)).toBe(25 * MIN);
    expect(timeLeft({ usedMs: 25 * MIN, runningSince: null }, T0)).toBe(0);
  });

  describe('checkpoints', () => {
    it('fold the running span into the time used and keep running from now', () => {
      const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0 };
      expect(checkpoint(c, T0 + 1000, true)).toEqual({ usedMs: MIN + 1000, paused: false, runningSince: T0 + 1000 });
    });

    it('stop the clock when the exam leaves the screen', () => {
      const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0 };
      expect(checkpoint(c, T0 + 1000, false)).toEqual({ usedMs: MIN + 1000, paused: false, runningSince: null });
    });

    it('start a stopped clock without counting the time it was stopped', () => {
      const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: null };
      expect(checkpoint(c, T0 + HOUR, true)).toEqual({ usedMs: MIN, paused: false, runningSince: T0 + HOUR });
    });

    it('fold at most MAX_UNSAVED_MS after a crash', () => {
      const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0 };
      expect(checkpoint(c, T0 + HOUR, true)).toEqual({
        usedMs: MIN + MAX_UNSAVED_MS,
        paused: false,
        runningSince: T0 + HOUR,
      });
    });

    it('leave a paused clock stopped and add nothing', () => {
      const c: ClockState = { durationMs: 20 * MIN, usedMs: MIN, runningSince: T0, paused: true };
      expect(checkpoint(c, T0 + 9000, true)).toEqual({ usedMs: MIN, paused: true, runningSince: null });
    });

    it('add up to the wall time of an exam kept on screen, one tick a second', () => {
      let c: ClockState = { durationMs: 20 * MIN, usedMs: 0, runningSince: null };
      c = { ...c, ...checkpoint(c, T0, true) };
      for (let s = 1; s <= 90; s++) c = { ...c, ...checkpoint(c, T0 + s * 1000, true) };
      expect(c.usedMs).toBe(90_000);
      expect(timeLeft(c, T0 + 90_000)).toBe(20 * MIN - 90_000);
    });

    it('survive a reload every second: the clock neither resets nor runs on while closed', () => {
      // Each reload: the page opens (a checkpoint that starts the clock) and is killed 1 s later
      // without a final checkpoint; the next open folds the unfolded second.
      expect(MAX_UNSAVED_MS).toBeGreaterThanOrEqual(1000);
      let c: ClockState = { durationMs: 20 * MIN, usedMs: 3 * MIN, runningSince: null };
      for (let s = 0; s < 30; s++) c = { ...c, ...checkpoint(c, T0 + s * 1000, true) };
      expect(c.usedMs).toBe(3 * MIN + 29_000);
      expect(timeLeft(c, T0 + 30_000)).toBe(17 * MIN - 30_000);
    });
  });

  it('formats time left as m:ss, or h:mm:ss from an hour, rounding up to the next second', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(1)).toBe('0:01');
    expect(formatClock(59_001)).toBe('1:00');
    expect(formatClock(125_000)).toBe('2:05');
    expect(formatClock(20 * MIN)).toBe('20:00');
    expect(formatClock(4 * HOUR)).toBe('4:00:00');
    expect(formatClock(HOUR + 61_000)).toBe('1:01:01');
  });

  it('is the one rule for time left: the exam list and the exam page both call timeLeft', () => {
    // The list (exam hub) and the page (its clock hook) must not compute the time on their own.
    const files = ['src/features/exam/exam-hub-page.tsx', 'src/features/exam/use-exam-clock.ts'];
    const own = files.filter((file) => {
      const source = readFileSync(file, 'utf8');
      const imports = /import \{[^}]*\btimeLeft\b[^}]*\} from '\.\.\/\.\.\/lib\/exam-clock'/.test(source);
      return !imports || !/\btimeLeft\(/.test(source) || /durationMs\s*-|usedMs\s*\+/.test(source);
    });
    expect(own).toEqual([]);
  });
});
