// Certificates of attendance: the number that identifies one member's certificate for one
// season (the same on every print), and what a reprint says.

/** FNV-1a, 32 bits: a short stable fingerprint (not a secret). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** e.g. "2027-4K7Q2Z1": the season's year and a fingerprint of the member and the program. */
export function certificateNumber(memberId: string, program: { title: string; season: { start: string } }): string {
  const code = fnv1a(`${program.title}|${program.season.start}|${memberId}`).toString(36).toUpperCase();
  return `${program.season.start.slice(0, 4)}-${code.padStart(7, '0')}`;
}

/** The key under which a certificate's prints are counted on this device. */
export function certificateKey(memberId: string, program: { season: { start: string } }): string {
  return `certificate:${program.season.start}:${memberId}`;
}

export interface CertificatePrints {
  /** When it was first printed (epoch ms). */
  first: number;
  count: number;
}

/** What the certificate says about its issue: a first issue, or a reissue of an earlier one. */
export function issueLine(prints: CertificatePrints | undefined, now: number, format: (ms: number) => string): string {
  if (!prints) return `Issued ${format(now)}`;
  return `Reissued ${format(now)} (first issued ${format(prints.first)})`;
}
