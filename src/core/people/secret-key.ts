import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BridgesConfig } from '../config.js';

/** AES-256 needs exactly 32 bytes of key. */
export const SECRET_KEY_BYTES = 32;
const IV_BYTES = 12;
const FORMAT = 'v1';

function parseKey(base64: string, origin: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== SECRET_KEY_BYTES) {
    throw new Error(`${origin} must hold ${SECRET_KEY_BYTES} bytes encoded as base64 (got ${key.length} bytes). Create one with: openssl rand -base64 32`);
  }
  return key;
}

/**
 * The server key that encrypts secrets at rest (TOTP seeds). BRIDGES_SECRET_KEY (base64, 32 bytes) wins;
 * otherwise `<dataDir>/secret.key` is read, or created with mode 0600 on first start. A database backup
 * without this key does not reveal anyone's second factor.
 */
export function loadSecretKey(config: Pick<BridgesConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.BRIDGES_SECRET_KEY) return parseKey(env.BRIDGES_SECRET_KEY, 'BRIDGES_SECRET_KEY');
  // An in-memory database dies with the process, so may its key.
  if (config.dataDir === 'memory') return randomBytes(SECRET_KEY_BYTES);
  const path = join(config.dataDir, 'secret.key');
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      // 'wx' fails if another process created the file meanwhile; then we read theirs below.
      writeFileSync(path, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A key readable by other local accounts is as good as no key: tighten it rather than carry on quietly.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return parseKey(readFileSync(path, 'utf8'), path);
}

/**
 * Encrypts a short secret with AES-256-GCM. `context` (e.g. 'user:42') is bound as associated data, so a
 * ciphertext copied onto another row does not decrypt. Output: `v1:<iv>:<tag>:<ciphertext>` in base64url.
 */
export function encryptSecret(key: Buffer, plaintext: string, context = ''): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
}

/** Reverses encryptSecret; throws when the key, the context or the ciphertext does not match. */
export function decryptSecret(key: Buffer, encrypted: string, context = ''): string {
  const [format, iv, tag, ciphertext] = encrypted.split(':');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new Error('Encrypted secret is not in a known format.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
