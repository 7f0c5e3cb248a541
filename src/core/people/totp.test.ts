import { describe, expect, it } from 'vitest';
import { generateTotpSecret, matchTotp, totpCode, totpStep, totpUrl } from './totp.js';

describe('totp', () => {
  const secret = generateTotpSecret();
  const now = Date.UTC(2026, 0, 15, 12, 0, 10);
  const step = totpStep(now);

  it('makes a 160-bit base32 secret and an otpauth URL for the app', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(totpUrl(secret, 'officer.jones'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Bridges');
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
    expect(url.searchParams.get('algorithm')).toBe('SHA1');
  });

  it('accepts the current code and one step either side, nothing further', () => {
    expect(matchTotp(secret, totpCode(secret, now), null, now)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, now - 60_000), null, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 60_000), null, now)).toBeNull();
  });

  it('never accepts a code of an already used (or older) step', () => {
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, step, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now - 30_000), step, now)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it('rejects anything that is not six digits', () => {
    expect(matchTotp(secret, '12345', null, now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', null, now)).toBeNull();
  });
});
