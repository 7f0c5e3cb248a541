import { describe, expect, it } from 'vitest';
import { assertPasswordAcceptable, generatePassword, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id in PHC format and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'whatever')).toBe(false);
  });

  it('asks for at least 12 characters with a clear message', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12 characters long \(it has 11\)/);
    expect(() => assertPasswordAcceptable('short')).toThrow(/at least 12 characters/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/too few different/);
    expect(passwordProblem('my name is officer.jones!', 'officer.jones')).toMatch(/username/);
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('generates passwords that pass the policy and differ', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
    expect(passwordProblem(a)).toBeNull();
    expect(generatePassword()).not.toBe(a);
  });
});
