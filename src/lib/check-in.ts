// Pure rules of the check-in screen: finding a member as a person types (case and accents
// ignored, email too), and the hours a late arrival may be credited.

/** Lowercase, without accents: "Chloé" and "chloe" fold to the same text. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search key of a member: name and email folded. */
export function memberSearchKey(m: { name: string; email: string }): string {
  return `${foldText(m.name)} ${foldText(m.email)}`;
}

/** The folded words of what was typed in the search. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/** True when every word is found in the key. */
export function matchesWords(key: string, words: readonly string[]): boolean {
  return words.every((w) => key.includes(w));
}

/** True when every word of the query is found in the key. */
export function matchesQuery(key: string, query: string): boolean {
  return matchesWords(key, queryWords(query));
}

export type HoursInput = { hours: number; error?: undefined } | { error: string };

/** Hours typed for a member at a session: a number from 0 to the session's hours. */
export function parseHours(text: string, sessionHours: number): HoursInput {
  const t = text.trim().replace(',', '.');
  const h = Number(t);
  if (t === '' || !Number.isFinite(h) || h < 0 || h > sessionHours)
    return { error: `Enter hours from 0 to ${sessionHours}.` };
  return { hours: Math.round(h * 100) / 100 };
}

/** Quick choices for a late arrival: the full session, half an hour less, an hour less. */
export function quickHours(sessionHours: number): { label: string; hours: number }[] {
  return [
    { label: 'Full', hours: sessionHours },
    { label: '−0.5 h', hours: Math.max(0, sessionHours - 0.5) },
    { label: '−1 h', hours: Math.max(0, sessionHours - 1) },
  ];
}
