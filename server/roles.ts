// The role rules the server enforces (not only the UI): who may invite whom, and who may change
// roles. One place, read by the API; the CLI is the operator's tool and stands above them.
import type { Role } from './store.ts';

/** Why a person with these roles may not invite someone as `role`, or undefined when they may. */
export function inviteRefusal(roles: readonly string[], role: Role): string | undefined {
  if (roles.includes('admin')) return undefined;
  if (roles.includes('committee'))
    return role === 'member' ? undefined : 'Only an admin invites committee members, speakers or admins.';
  return 'Only the committee invites people.';
}

/** Why a person with these roles may not change anyone's roles, or undefined when they may. */
export function rolesRefusal(roles: readonly string[]): string | undefined {
  return roles.includes('admin') ? undefined : "Only an admin changes people's roles.";
}
