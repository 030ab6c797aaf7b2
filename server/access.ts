// Which documents a device may open. One function, so every check (sync connections now,
// chapter documents in issue 12) asks the same question.
import type { Claims } from './tokens.ts';

export type Access = 'write' | 'read' | false;

/** `user:<personId>` is its person's alone, to read and write; anything else is refused. */
export function canOpen(claims: Pick<Claims, 'sub' | 'roles'>, documentName: string): Access {
  if (documentName === `user:${claims.sub}`) return 'write';
  // Interim (scale-out branch), until chapter-server's role rules land: the committee and the
  // admin read and write the chapter document (src/lib/chapter-doc.ts).
  if (documentName.startsWith('chapter:') && claims.roles.some((r) => r === 'committee' || r === 'admin'))
    return 'write';
  return false;
}
