/**
 * The languages the site speaks, found the way the web app finds them: every `src/web/i18n/locales/<code>.json`
 * is a language. Adding a locale file is enough for the server to accept that language wherever a resident
 * chooses one (an RSVP, a watch request, a question to the board, a calendar feed) and for /api/config to offer
 * it. Server-written messages (e-mails, texts, PDFs) exist only in the languages that have a template; any
 * other language falls back to English for them with `templateLanguage`.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const DEFAULT_LANGUAGE = 'en';
const LOCALES_DIR = fileURLToPath(new URL('../web/i18n/locales', import.meta.url));
const LOCALE_FILE = /^([a-z]{2,3}(?:-[A-Z]{2})?)\.json$/;

/** The language codes with a locale file in `directory`, English first, then by code. */
export function discoverLanguages(directory = LOCALES_DIR): string[] {
  const codes = readdirSync(directory).flatMap((file) => LOCALE_FILE.exec(file)?.[1] ?? []);
  return codes.sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)));
}

let discovered: readonly string[] | null = null;
let testing: readonly string[] | null = null;

/** The site's languages (read once from the locale files). */
export function availableLanguages(): readonly string[] {
  return testing ?? (discovered ??= discoverLanguages());
}

export function isAvailableLanguage(code: string): boolean {
  return availableLanguages().includes(code);
}

/**
 * Tests only: behave as if exactly these locale files existed (e.g. with a 'vi' added), without writing a file
 * other test files would see. Returns the function that goes back to the real files.
 */
export function setLanguagesForTesting(codes: readonly string[]): () => void {
  testing = [...codes];
  return () => { testing = null; };
}

/**
 * A language a resident chose: any code with a locale file. Checked when a request is parsed, so the list is
 * always the current one; the message names the codes that are accepted.
 */
export const languageField = () => z.string().trim().superRefine((code, ctx) => {
  if (!isAvailableLanguage(code)) {
    ctx.addIssue({ code: 'custom', message: `"${code}" is not a language of this site; use one of ${availableLanguages().join(', ')}` });
  }
});

/** The language to write a server message in: the chosen one when a template exists for it, else English. */
export function templateLanguage<L extends string>(code: string | null | undefined, templates: readonly L[]): L {
  return (templates as readonly string[]).includes(code ?? '') ? (code as L) : (DEFAULT_LANGUAGE as L);
}
