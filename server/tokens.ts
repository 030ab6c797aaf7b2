// Device tokens: JWTs signed HS256 with the server's own secret (jose). A token is accepted
// only when its signature and expiry hold AND its device exists, belongs to its person and is
// not revoked: checked on every API call and every sync connection.
import { errors, jwtVerify, SignJWT } from 'jose';
import { DAY_MS, TOKEN_DAYS } from './limits.ts';
import type { Device, Person, Store } from './store.ts';

export interface Claims {
  sub: string;
  dev: string;
  roles: string[];
  name: string;
  email: string;
}

/** Why a token was refused: also the reason a sync connection is closed with. */
export type Refusal = 'missing' | 'invalid' | 'expired' | 'revoked';

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  missing: 'Sign in first: this request has no device token.',
  invalid: 'This device token is not valid. Sign in again with a new invite link.',
  expired: 'This device token has expired. Sign in again with a new invite link.',
  revoked: 'This device was signed out (revoked). Sign in again with a new invite link.',
};

export type Checked = { ok: true; claims: Claims; person: Person; device: Device } | { ok: false; refusal: Refusal };

export class Tokens {
  private readonly secret: Uint8Array;

  constructor(private readonly store: Store) {
    this.secret = store.secret();
  }

  async issue(person: Person, device: Device, now = Date.now()): Promise<string> {
    const iat = Math.floor(now / 1000);
    return new SignJWT({ dev: device.id, roles: person.roles, name: person.name, email: person.email })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(person.id)
      .setIssuedAt(iat)
      .setExpirationTime(iat + (TOKEN_DAYS * DAY_MS) / 1000)
      .sign(this.secret);
  }

  /** Checks a token; the claims returned carry the person's roles as they are now. */
  async check(token: string | undefined | null): Promise<Checked> {
    if (!token) return { ok: false, refusal: 'missing' };
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.secret, { algorithms: ['HS256'] }));
    } catch (error) {
      return { ok: false, refusal: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
    const dev = payload.dev;
    if (typeof payload.sub !== 'string' || typeof dev !== 'string') return { ok: false, refusal: 'invalid' };
    const device = this.store.device(dev);
    const person = this.store.person(payload.sub);
    if (!device || !person || device.personId !== person.id) return { ok: false, refusal: 'invalid' };
    if (device.revokedAt !== null) return { ok: false, refusal: 'revoked' };
    return {
      ok: true,
      person,
      device,
      claims: { sub: person.id, dev: device.id, roles: person.roles, name: person.name, email: person.email },
    };
  }
}
