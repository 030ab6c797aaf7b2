// Schema problems of an imported file in plain words, named by record and field:
// 'Member 4 (Ann Lee), hours: "3" is text, not a number'. Pure; takes zod's issues as data.
import type { z } from 'zod';

/** Names record `index` of `table` ("Member 4 (Ann Lee)"). */
export type Labeller = (table: string, index: number) => string;

/** Where a problem is: "Member 4 (Ann Lee), email", or "the file, field kind". */
export function placeOf(path: readonly PropertyKey[], label: Labeller): string {
  const [table, index, ...rest] = path;
  if (typeof table === 'string' && typeof index === 'number') {
    const field = rest.map(String).join('.');
    return `${label(table, index)}${field ? `, ${field}` : ''}`;
  }
  return path.length ? `The file, ${path.map(String).join('.')}` : 'The file';
}

/** A value as a message shows it: "3" for text, 3 for a number, short. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 48 ? `${s.slice(0, 45)}…"` : s;
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return KIND[typeof value] ?? typeof value;
}

/** What is wrong, after the place: '"3" is text, not a number'. */
function reason(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is missing';
      if (issue.expected === 'int') return `${shown(input)} is not a whole number`;
      if (input !== null && typeof input === 'object')
        return `is ${kindOf(input)}, not ${KIND[issue.expected] ?? issue.expected}`;
      return `${shown(input)} is ${kindOf(input)}, not ${KIND[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} records`;
      return `${shown(input)} is more than ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'is empty';
      return `${shown(input)} is ${issue.inclusive === false ? 'not more than' : 'less than'} ${String(issue.minimum)}`;
    case 'invalid_value':
      return `${shown(input)} is not ${issue.values.length === 1 ? shown(issue.values[0]) : `one of ${issue.values.map((v) => String(v)).join(', ')}`}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
    case 'custom':
      return issue.code === 'custom' && issue.params?.whole ? issue.message : `${shown(input)} ${issue.message}`;
    case 'not_multiple_of':
      return `${shown(input)} is not a whole number`;
    default:
      return `${shown(input)} is not valid here`;
  }
}

export function issueText(issue: z.core.$ZodIssue, label: Labeller): string {
  return `${placeOf(issue.path, label)}: ${reason(issue)}`;
}
