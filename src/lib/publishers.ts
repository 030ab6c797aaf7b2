// Who may publish and withdraw the chapter's session packs: one rule for the server, which
// enforces it (server/packs.ts), and the app, which offers the buttons only to them.
export const PUBLISHER_ROLES = ['speaker', 'committee', 'admin'] as const;

export function mayPublishPacks(roles: readonly string[]): boolean {
  return PUBLISHER_ROLES.some((r) => roles.includes(r));
}
