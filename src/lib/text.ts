// Plain-text helpers for the text the compiler produces (stemText, option text, explanationText,
// materialText): it is already clean, with no tags or entities, so these only cut it to size.

/** The text cut to at most `max` characters at a word boundary, with "…" when it was cut. */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const room = t.slice(0, Math.max(1, max - 1));
  const space = t[room.length] === ' ' ? room.length : room.lastIndexOf(' ');
  // A single word longer than the room is cut where it must be.
  const cut = space > 0 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * About `width` characters of `text` around position `at`, starting and ending at word
 * boundaries, with "…" on each side that was cut. `lead` is how much text to keep before `at`.
 */
export function excerpt(text: string, at: number, width = 200, lead = 60): string {
  const t = text.trim();
  if (t.length <= width) return t;
  let start = Math.max(0, Math.min(at - lead, t.length - width));
  if (start > 0 && t[start - 1] !== ' ') {
    // Mid-word: move on to the start of the next word (at the latest, the match itself).
    const space = t.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : Math.max(start, at);
  }
  const head = start > 0 ? '…' : '';
  const body = clip(t.slice(start), width - head.length);
  return head + body;
}

/** "1 question", "3 questions". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
