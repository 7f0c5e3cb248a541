/**
 * Error codes from the server said in the reader's language, with the real locale files: generic codes from the
 * core catalogue, a program's own codes inside its scope, validation issues naming the field, and the server's
 * English message for anything without a translation.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { catalogues, DEFAULT_LOCALE, flatten, interpolate, type MessageTree, type Messages } from './index.js';
import { describeError, fieldLabel, type ErrorTranslator } from './errors.js';

const programFiles = import.meta.glob<MessageTree>('../../programs/*/ui/locales/*.json', { eager: true, import: 'default' });

/** What I18nProvider builds for a locale: core and program messages, English underneath. */
function translator(locale: string): ErrorTranslator {
  const programs: Record<string, Messages> = {};
  for (const [path, tree] of Object.entries(programFiles)) {
    const [, program, code] = /programs\/([^/]+)\/ui\/locales\/([^/]+)\.json$/.exec(path)!;
    programs[code] = flatten(tree, `programs.${program}`, programs[code] ?? {});
  }
  const messages = { ...programs[DEFAULT_LOCALE], ...catalogues[DEFAULT_LOCALE], ...programs[locale], ...catalogues[locale] };
  return { t: (key, vars) => interpolate(messages[key] ?? key, vars, locale), has: (key) => key in messages };
}

const es = translator('es');
const en = translator('en');
const TIPS = ['programs.tips'];

describe('describeError', () => {
  it('says generic failures (network, rate limit, server error) in the reader’s language', () => {
    expect(describeError(es, new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.')))
      .toBe('No se pudo contactar al servidor. Revise la conexión e inténtelo de nuevo.');
    const limited = new ApiError(429, 'rate_limited', 'Too many requests. Wait 42 seconds and try again.', { retryAfterSeconds: 42 });
    expect(describeError(es, limited)).toBe('Demasiadas solicitudes desde esta conexión. Espere 42 segundos e inténtelo de nuevo.');
    expect(describeError(en, limited)).toContain('Wait 42 seconds');
    expect(describeError(es, new ApiError(500, 'internal', 'Something went wrong on the server.'))).toMatch(/^Algo falló en el servidor/);
  });

  it('says a program’s codes inside its scope, with their figures, and falls back to the server’s message outside it', () => {
    const denied = new ApiError(401, 'tip_access_denied', 'That tip number and passphrase do not match. Check both and try again.');
    expect(describeError(es, denied, TIPS)).toBe('Ese número de pista y esa frase de acceso no coinciden. Revise ambos e inténtelo de nuevo.');
    expect(describeError(es, denied)).toBe(denied.message);
    const throttled = new ApiError(429, 'tip_access_throttled', 'Too many tries… Wait 60 seconds', { retryAfterSeconds: 60 });
    expect(describeError(es, throttled, TIPS)).toBe('Demasiados intentos para este número de pista. Espere 60 segundos e inténtelo de nuevo.');
  });

  it('picks the message for the problem or kind a code carries', () => {
    const weak = new ApiError(400, 'weak_passphrase', 'passphrase: Use at least 12 characters…', { field: 'passphrase', problem: 'too_short', minLength: 12, maxLength: 128 });
    expect(describeError(es, weak, TIPS)).toBe('Frase de acceso: use al menos 12 caracteres, o deje que le demos una frase de acceso.');
    const video = new ApiError(413, 'file_too_large', 'This video is larger than 50 MB.', { kind: 'video', limit: 52428800, limitMegabytes: 50 });
    expect(describeError(es, video, TIPS)).toBe('Este video supera 50 MB.');
    expect(describeError(en, video, TIPS)).toBe('This video is larger than 50 MB.');
    expect(describeError(es, new ApiError(415, 'unsupported_file', 'This kind of file is not accepted.'), TIPS)).toMatch(/^Este tipo de archivo no se acepta/);
    expect(describeError(es, new ApiError(409, 'too_many_files', 'A tip can hold at most 20 files.', { max: 20 }), TIPS)).toBe('Una pista puede tener como máximo 20 archivos.');
  });

  it('says the tip handlers’ and the board’s refusals (triage, forwarding, rewards) in Spanish too', () => {
    const decided = new ApiError(409, 'reward_decided', 'This reward was already paid.', { problem: 'paid' });
    expect(describeError(es, decided, TIPS)).toBe('Esta recompensa ya fue pagada.');
    const forwarded = new ApiError(409, 'already_forwarded', 'This tip was already forwarded to Sheriff.', { agency: 'Sheriff' });
    expect(describeError(es, forwarded, TIPS)).toBe('Esta pista ya fue reenviada a Sheriff.');
    const payable = new ApiError(404, 'reward_not_payable', 'An approved, unpaid reward for tip T… was not found.', { tipNumber: 'TABCD1234567' });
    expect(describeError(es, payable, TIPS)).toBe('La pista TABCD1234567 no tiene una recompensa aprobada pendiente de pago.');
    for (const code of ['reward_needs_arrest', 'reward_exists', 'reward_own_proposal', 'tip_transition', 'outcome_required', 'forward_to_self', 'forwarded_read_only', 'nothing_to_mark']) {
      const said = describeError(es, new ApiError(400, code, 'English from the server'), TIPS);
      expect(said, code).not.toBe('English from the server');
      expect(said, code).not.toBe(describeError(en, new ApiError(400, code, 'English from the server'), TIPS));
    }
  });

  it('names every field of a validation error, by its label when the program has one', () => {
    const error = new ApiError(400, 'validation', 'body.description: Tell us a little more; body.passphrase: Invalid input', {
      issues: [
        { field: 'body.description', message: 'Tell us a little more (at least 10 characters)', code: 'too_small', origin: 'string', minimum: 10 },
        { field: 'body.tipNumber', message: 'Invalid input: expected string, received undefined', code: 'required' },
        { field: 'body.location.text', message: 'Too big', code: 'too_big', origin: 'string', maximum: 500 },
        { field: 'body.unknownThing', message: 'Some new zod problem', code: 'custom_problem' },
      ],
    });
    expect(describeError(es, error, TIPS)).toBe([
      'Qué pasó: debe tener al menos 10 caracteres',
      'Número de pista: es obligatorio',
      'Dirección, esquina o lugar: debe tener como máximo 500 caracteres',
      'unknownThing: Some new zod problem',
    ].join('; '));
    // Without a program's labels the field's path still says which one it was.
    expect(describeError(es, error)).toMatch(/^description: debe tener al menos 10 caracteres; tipNumber: es obligatorio/);
    expect(fieldLabel(en, TIPS, 'querystring.category')).toBe('Category');
  });

  it('shows errors without a known code, and plain errors, as they are', () => {
    expect(describeError(es, new ApiError(404, 'not_found', 'Tip 12 was not found.'), TIPS)).toBe('Tip 12 was not found.');
    expect(describeError(es, new Error('Archivo.pdf es más grande de lo permitido.'), TIPS)).toBe('Archivo.pdf es más grande de lo permitido.');
    expect(describeError(es, 'texto')).toBe('texto');
  });
});
