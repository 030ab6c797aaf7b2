// Which documents a device may open. One function, so every check (sync connections now,
// chapter documents in issue 12) asks the same question.
import type { Claims } from './tokens.ts';

export type Access = 'write' | 'read' | false;

/** `user:<personId>` is its person's alone, to read and write; anything else is refused. */
export function canOpen(claims: Pick<Claims, 'sub' | 'roles'>, documentName: string): Access {
  if (documentName === `user:${claims.sub}`) return 'write';
  return false;
}
