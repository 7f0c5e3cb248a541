import { Secret, TOTP } from 'otpauth';

/** RFC 6238 settings every authenticator app understands. */
export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
// One step either side forgives a phone clock that is up to 30 s off, and no more.
const WINDOW = 1;
const ISSUER = 'Bridges';

/** A new random 160-bit TOTP secret in base32 (what authenticator apps accept when typed in). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = 'user'): TOTP {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secretBase32), ...TOTP_SETTINGS });
}

/** The otpauth:// URL an authenticator app scans as a QR code. */
export function totpUrl(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/** The current code for a secret (tests, and the demo loader's printed hints). */
export function totpCode(secretBase32: string, timestamp: number = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp });
}

/** The time step (30 s counter) a timestamp falls in. */
export function totpStep(timestamp: number = Date.now()): number {
  return TOTP.counter({ period: TOTP_SETTINGS.period, timestamp });
}

/**
 * Checks a 6-digit code and returns the time step it belongs to, or null when it is wrong, outside the
 * ±1 step window, or not newer than `lastStep` (a code, once used, is never accepted again — nor any
 * older one, so an observed code cannot be replayed in the remaining seconds of its window).
 */
export function matchTotp(secretBase32: string, code: string, lastStep: number | null, timestamp: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp, window: WINDOW });
  if (delta === null) return null;
  const step = totpStep(timestamp) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}
