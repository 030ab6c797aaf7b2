// Which documents a device may open. One function, so every check (sync connections, the
// chapter's documents) asks the same question. The roles in the claims are the person's roles
// as the store holds them when the connection signs in (tokens.ts reads them on every check),
// so a role change takes effect on the next connection.
import { chapterDocName, hoursDocName } from '../src/lib/chapter-doc.ts';
import type { Claims } from './tokens.ts';

export type Access = 'write' | 'read' | false;

/** The roles that keep the chapter's records: they read and write the chapter document. */
export const COMMITTEE_ROLES: readonly string[] = ['committee', 'admin'];

export const isCommittee = (roles: readonly string[]) => roles.some((r) => COMMITTEE_ROLES.includes(r));

/**
 * `user:<personId>`: its person's alone, to read and write. `chapter:<chapterId>`: read and
 * write for committee and admin, refused to members and speakers. `hours:<personId>`: its
 * person's, read-only (only the server writes it). Anything else is refused.
 */
export function canOpen(claims: Pick<Claims, 'sub' | 'roles'>, documentName: string, chapterId: string): Access {
  if (documentName === `user:${claims.sub}`) return 'write';
  if (chapterId && documentName === chapterDocName(chapterId)) return isCommittee(claims.roles) ? 'write' : false;
  if (documentName === hoursDocName(claims.sub)) return 'read';
  return false;
}
