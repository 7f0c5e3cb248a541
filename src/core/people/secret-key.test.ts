import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, loadSecretKey } from './secret-key.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'bridges-key-'));

describe('loadSecretKey', () => {
  it('creates <dataDir>/secret.key with mode 0600 and reads the same key back', () => {
    const dataDir = freshDir();
    const key = loadSecretKey({ dataDir }, {});
    expect(key).toHaveLength(32);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir }, {}).equals(key)).toBe(true);
  });

  it('tightens a key file that others could read', () => {
    const dataDir = freshDir();
    const path = join(dataDir, 'secret.key');
    writeFileSync(path, randomBytes(32).toString('base64'));
    chmodSync(path, 0o644);
    loadSecretKey({ dataDir }, {});
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('prefers BRIDGES_SECRET_KEY and refuses a key of the wrong length', () => {
    const dataDir = freshDir();
    const env = randomBytes(32);
    expect(loadSecretKey({ dataDir }, { BRIDGES_SECRET_KEY: env.toString('base64') }).equals(env)).toBe(true);
    expect(() => loadSecretKey({ dataDir }, { BRIDGES_SECRET_KEY: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
    expect(() => readFileSync(join(dataDir, 'secret.key'))).toThrow();
  });
});

describe('encryptSecret / decryptSecret', () => {
  const key = randomBytes(32);

  it('round-trips, with a fresh IV each time', () => {
    const a = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:user:1');
    const b = encryptSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:user:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, a, 'totp:user:1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key, another context and a tampered ciphertext', () => {
    const sealed = encryptSecret(key, 'secret', 'totp:user:1');
    expect(() => decryptSecret(randomBytes(32), sealed, 'totp:user:1')).toThrow();
    expect(() => decryptSecret(key, sealed, 'totp:user:2')).toThrow();
    const parts = sealed.split(':');
    parts[3] = Buffer.from('secreT').toString('base64url');
    expect(() => decryptSecret(key, parts.join(':'), 'totp:user:1')).toThrow();
    expect(() => decryptSecret(key, 'plain', 'totp:user:1')).toThrow(/format/);
  });
});
