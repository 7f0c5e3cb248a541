/**
 * The floor for passphrases a tipster chooses. Passphrases are stored as a keyed HMAC (fast, so submissions
 * scale), which is sound only while guessing them is hopeless: generated ones carry 80 bits; a chosen one must
 * reach an estimated 60 bits and avoid the obvious. The estimate is deliberately conservative (pool size ×
 * length, minus repeats and runs); it is a floor, not a promise, and the form recommends the generated one.
 */

export const MIN_CHOSEN_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 128;
export const MIN_ESTIMATED_BITS = 60;

// Substrings that make up much of the most-tried passwords, in English and Spanish.
const COMMON = [
  'password', 'passw0rd', 'contrasena', 'contraseña', 'qwerty', 'asdf', 'zxcv', '123456', '654321', 'abc123', 'letmein',
  'iloveyou', 'teamo', 'welcome', 'bienvenido', 'admin', 'crimestoppers', 'police', 'policia', 'secret', 'secreto', 'dragon',
  'monkey', 'football', 'futbol', 'baseball', 'sunshine', 'princess', 'princesa',
];

export type StrengthProblem = 'too_short' | 'too_long' | 'too_few_distinct' | 'too_common' | 'too_weak';

export interface StrengthResult {
  ok: boolean;
  bits: number;
  problem?: StrengthProblem;
}

function poolSize(text: string): number {
  let pool = 0;
  if (/[a-z]/.test(text)) pool += 26;
  if (/[A-Z]/.test(text)) pool += 26;
  if (/\d/.test(text)) pool += 10;
  if (/[ -/:-@[-`{-~]/.test(text)) pool += 33;
  if (/[^\x00-\x7f]/.test(text)) pool += 64;
  return pool;
}

/** Characters that continue a run ('abcd', '4321') or repeat the previous one add almost nothing. */
function effectiveLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const step = i > 0 ? text.charCodeAt(i) - text.charCodeAt(i - 1) : 99;
    length += Math.abs(step) <= 1 ? 0.25 : 1;
  }
  return length;
}

/** Judges a chosen passphrase (after normalisation). */
export function passphraseStrength(passphrase: string): StrengthResult {
  const text = passphrase.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const chars = [...text];
  if (chars.length < MIN_CHOSEN_LENGTH) return { ok: false, bits: 0, problem: 'too_short' };
  if (chars.length > MAX_PASSPHRASE_LENGTH) return { ok: false, bits: 0, problem: 'too_long' };
  if (new Set(chars).size < 6) return { ok: false, bits: 0, problem: 'too_few_distinct' };
  const lower = text.toLowerCase();
  let remaining = lower;
  for (const word of COMMON) remaining = remaining.split(word).join('');
  // Mostly made of common passwords: what is left decides.
  if (remaining.replace(/[\s\d]/g, '').length < MIN_CHOSEN_LENGTH / 2) return { ok: false, bits: 0, problem: 'too_common' };
  const bits = Math.round(effectiveLength(remaining) * Math.log2(Math.max(poolSize(text), 2)));
  if (bits < MIN_ESTIMATED_BITS) return { ok: false, bits, problem: 'too_weak' };
  return { ok: true, bits };
}

/** The message the form shows, in the tipster's language. */
export const strengthMessages: Record<StrengthProblem, { en: string; es: string }> = {
  too_short: { en: `Use at least ${MIN_CHOSEN_LENGTH} characters, or let us make a passphrase for you.`, es: `Use al menos ${MIN_CHOSEN_LENGTH} caracteres, o deje que le demos una frase de acceso.` },
  too_long: { en: `Use at most ${MAX_PASSPHRASE_LENGTH} characters.`, es: `Use como máximo ${MAX_PASSPHRASE_LENGTH} caracteres.` },
  too_few_distinct: { en: 'Use more different characters.', es: 'Use más caracteres distintos.' },
  too_common: { en: 'That passphrase is too common. Use a few unrelated words, or let us make one for you.', es: 'Esa frase de acceso es demasiado común. Use varias palabras sin relación, o deje que le demos una.' },
  too_weak: { en: 'That passphrase is too easy to guess. Add more words, or let us make one for you.', es: 'Esa frase de acceso es demasiado fácil de adivinar. Agregue más palabras, o deje que le demos una.' },
};
