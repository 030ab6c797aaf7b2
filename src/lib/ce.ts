// Continuing-education progress against ALA's rules, which live as data in content/rules.md:
// a window of months, a total, category and topic minimums, and caps on some kinds of hours.

import type { EducationKind, RuleSet } from '../content/types';

export interface EducationEntry {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  title: string;
  provider?: string | undefined;
  hours: number;
  /** A category id of the rule set, or '' when the hours count only toward a topic or the total. */
  category: string;
  kind: EducationKind;
  /** A required topic (e.g. ethics), counted toward the total but not the category minimums. */
  topic?: string | undefined;
}

export interface Requirement {
  id: string;
  title: string;
  min: number;
  have: number;
}

export interface RuleProgress {
  title: string;
  windowStart: string;
  asOf: string;
  counted: number;
  required: number;
  categories: Requirement[];
  topics: Requirement[];
  caps: { label: string; max: number; claimed: number; counted: number }[];
  /** What is still missing, in plain words; empty when the rule is met. */
  missing: string[];
  met: boolean;
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

const round = (n: number) => Math.round(n * 100) / 100;
const hours = (n: number) => `${round(n)} ${round(n) === 1 ? 'hour' : 'hours'}`;

/** Progress toward a rule on a date: entries in the window, caps applied in date order. */
export function evaluateRule(rule: RuleSet, entries: readonly EducationEntry[], asOf: string): RuleProgress {
  const windowStart = addMonths(asOf, -rule.windowMonths);
  const inWindow = entries
    .filter((e) => e.date > windowStart && e.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const caps = rule.caps.map((c) => ({ ...c, claimed: 0, counted: 0 }));
  const byCategory = new Map<string, number>();
  const byTopic = new Map<string, number>();
  let counted = 0;
  for (const e of inWindow) {
    let h = Math.max(0, e.hours);
    for (const cap of caps) {
      if (!cap.kinds.includes(e.kind)) continue;
      cap.claimed += h;
      h = Math.min(h, Math.max(0, cap.max - cap.counted));
    }
    for (const cap of caps) if (cap.kinds.includes(e.kind)) cap.counted += h;
    counted += h;
    // Topic hours count toward the total and their topic, never toward a category minimum.
    if (e.category && !e.topic) byCategory.set(e.category, (byCategory.get(e.category) ?? 0) + h);
    if (e.topic) byTopic.set(e.topic, (byTopic.get(e.topic) ?? 0) + h);
  }
  const categories = rule.categories.map((c) => ({ ...c, have: round(byCategory.get(c.id) ?? 0) }));
  const topics = rule.topics.map((t) => ({ ...t, have: round(byTopic.get(t.id) ?? 0) }));
  const missing: string[] = [];
  if (counted < rule.hours)
    missing.push(`${hours(rule.hours - counted)} more in all (${round(counted)} of ${rule.hours}).`);
  for (const r of [...categories, ...topics]) {
    if (r.have < r.min) missing.push(`${r.title}: ${hours(r.min - r.have)} more (${r.have} of ${r.min}).`);
  }
  return {
    title: rule.title,
    windowStart,
    asOf,
    counted: round(counted),
    required: rule.hours,
    categories,
    topics,
    caps: caps.map(({ label, max, claimed, counted: c }) => ({
      label,
      max,
      claimed: round(claimed),
      counted: round(c),
    })),
    missing,
    met: missing.length === 0,
  };
}
