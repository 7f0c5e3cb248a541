import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { badRequest } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 12;
// Long enough for any passphrase, short enough that nobody can make the server hash megabytes.
export const MAX_PASSWORD_LENGTH = 256;

// Algorithm is an ambient const enum, which isolatedModules cannot read at run time: 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id;
// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms here, slow enough for offline guessing.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The reason a password is not acceptable, or null when it is. Never echoes the password. */
export function passwordProblem(password: string, username?: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${length}). A few unrelated words make a good one.`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'The password must not contain the username.';
  if (new Set(password).size < 4) return 'The password repeats too few different characters.';
  return null;
}

/** Throws a 400 naming the rule when the password is not acceptable. */
export function assertPasswordAcceptable(password: string, username?: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw badRequest(problem, { field: 'password' });
}

/** argon2id hash in PHC format (`$argon2id$v=19$m=…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when the password matches the stored hash; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for sign-ins with an unknown username: the answer time
 * must not tell an attacker which usernames exist.
 */
export async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

// No 0/O/1/l/I: generated passwords are read aloud and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of four dash-separated groups of five (≈115 bits), for first sign-ins. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 5; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
