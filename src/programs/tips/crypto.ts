import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decryptSecret, encryptSecret } from '../../core/people/secret-key.js';

/**
 * Keys of the tips program, all derived from the server key (a pepper kept outside the database): a dump of
 * the database alone can neither test a passphrase nor a phone number against what is stored.
 */
export interface TipKeys {
  /** The server key itself, for AES-GCM (relay entries, access tokens, reward codes). */
  readonly secret: Buffer;
  readonly passphrase: Buffer;
  readonly phone: Buffer;
  readonly throttle: Buffer;
  readonly messageSid: Buffer;
}

const subkey = (secret: Buffer, purpose: string) => createHmac('sha256', secret).update(`bridges.tips.${purpose}.v1`).digest();

export function deriveTipKeys(secret: Buffer): TipKeys {
  return {
    secret,
    passphrase: subkey(secret, 'passphrase'),
    phone: subkey(secret, 'phone'),
    throttle: subkey(secret, 'throttle'),
    messageSid: subkey(secret, 'message-sid'),
  };
}

const mac = (key: Buffer, ...parts: string[]) => createHmac('sha256', key).update(parts.join('\u0000')).digest('base64url');

/** Constant-time comparison of two base64url MACs (different lengths compare false, still without early exit on content). */
export function sameMac(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

// Crockford's base32: no I, L, O or U, so a number read aloud or copied by hand survives.
export const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 is a multiple of 32, so taking each byte modulo 32 is uniform.
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

/** Luhn mod 32: catches every single-character error and most swaps of neighbours. */
export function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i -= 1) {
    const addend = factor * BASE32.indexOf(payload[i]);
    factor = factor === 2 ? 1 : 2;
    sum += Math.floor(addend / 32) + (addend % 32);
  }
  return BASE32[(32 - (sum % 32)) % 32];
}

/** A new tip number: 'T' + 10 random characters (50 bits) + a check character. */
export function newTipNumber(): string {
  const body = randomBase32(10);
  return `T${body}${checkCharacter(body)}`;
}

export type TipNumberParse = { ok: true; number: string } | { ok: false; reason: 'format' | 'check' };

/** Accepts what people type: lower case, spaces and dashes, O for 0, I or L for 1. */
export function parseTipNumber(input: string): TipNumberParse {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^T[0-9A-HJKMNP-TV-Z]{11}$/.test(cleaned)) return { ok: false, reason: 'format' };
  const body = cleaned.slice(1, 11);
  if (checkCharacter(body) !== cleaned[11]) return { ok: false, reason: 'check' };
  return { ok: true, number: cleaned };
}

/** A generated passphrase: 16 characters of base32 in four groups, 80 bits. */
export function newPassphrase(): string {
  return randomBase32(16).match(/.{4}/g)!.join('-');
}

export type PassphraseKind = 'generated' | 'chosen';

/** Generated passphrases forgive case, spacing and look-alike letters; chosen ones only Unicode form and spacing. */
export function normalizePassphrase(input: string, kind: PassphraseKind): string {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (kind === 'chosen') return text;
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored form of a passphrase, bound to its tip number so equal passphrases never look equal. */
export function passphraseMac(keys: TipKeys, tipNumber: string, passphrase: string, kind: PassphraseKind): string {
  return mac(keys.passphrase, kind, tipNumber, normalizePassphrase(passphrase, kind));
}

/** E.164-ish: digits with one leading +, so '+1 (215) 555-0100' and '+12155550100' thread together. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[^\d+]/g, '');
  return digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '');
}

export const phoneKey = (keys: TipKeys, phone: string) => mac(keys.phone, normalizePhone(phone));
export const throttleKey = (keys: TipKeys, tipNumber: string) => mac(keys.throttle, tipNumber);
export const messageSidKey = (keys: TipKeys, sid: string) => mac(keys.messageSid, sid);

/** The phone number of an open conversation, encrypted and bound to its tip so it cannot be moved to another row. */
export const sealRelay = (keys: TipKeys, tipNumber: string, phone: string) => encryptSecret(keys.secret, normalizePhone(phone), `tips-relay:${tipNumber}`);
export const openRelay = (keys: TipKeys, tipNumber: string, sealed: string) => decryptSecret(keys.secret, sealed, `tips-relay:${tipNumber}`);

/** Reward collection codes: 8 characters (40 bits), shown to the tipster only, checked when paid out. */
export const newCollectionCode = () => randomBase32(8);
export const sealCollectionCode = (keys: TipKeys, rewardId: number, code: string) => encryptSecret(keys.secret, code, `tips-reward:${rewardId}`);
export const openCollectionCode = (keys: TipKeys, rewardId: number, sealed: string) => decryptSecret(keys.secret, sealed, `tips-reward:${rewardId}`);

/**
 * A follow-up access token: the tip id and an expiry, encrypted and authenticated with the server key.
 * Nothing is stored, and the token says nothing readable about the tip.
 */
export function issueAccessToken(keys: TipKeys, tipId: number, minutes: number, now = Date.now()): { token: string; expiresAt: Date } {
  const expiresAt = new Date(now + minutes * 60_000);
  return { token: encryptSecret(keys.secret, `${tipId}.${expiresAt.getTime()}`, 'tips-access'), expiresAt };
}

/** The tip id of a valid, unexpired token, or null. */
export function readAccessToken(keys: TipKeys, token: string, now = Date.now()): number | null {
  try {
    const [id, expires] = decryptSecret(keys.secret, token, 'tips-access').split('.');
    const tipId = Number(id);
    if (!Number.isSafeInteger(tipId) || Number(expires) <= now) return null;
    return tipId;
  } catch {
    return null;
  }
}
