/**
 * Error messages in the reader's language. The server answers every failure with a stable `code` (and figures
 * in `details`) beside an English message; the client says the code in the current language and falls back to
 * the server's message for codes it has no words for. Generic codes (network, rate_limited, validation, …) live
 * in the core locale under "errors.<code>"; a program's own codes live in its locale under "errors.<code>"
 * (so "programs.<id>.errors.<code>"), looked up first while that program's pages are shown (<ErrorScope>).
 * A code with a `problem` (or `kind`) detail may have one message per value: "errors.<code>.<problem>".
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { Vars } from './index.js';

/** What describeError needs of the i18n object (a subset, so tests can pass a plain one). */
export interface ErrorTranslator {
  t(key: string, vars?: Vars): string;
  has(key: string): boolean;
}

/** The parts of an ApiError the mapping reads; any Error without a code is shown as is. */
interface CodedError {
  message: string;
  code?: string;
  details?: Record<string, unknown>;
}

interface Issue {
  field?: string;
  message?: string;
  code?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
}

/** The primitive details of an error, usable as {placeholders}. */
function detailVars(details: Record<string, unknown> | undefined): Vars {
  const vars: Vars = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') vars[key] = value;
  }
  return vars;
}

/** The first message key that exists: the scopes' own first, then the core one. */
function findKey(i18n: ErrorTranslator, scopes: readonly string[], names: string[]): string | undefined {
  for (const prefix of [...scopes.map((s) => `${s}.`), '']) {
    for (const name of names) {
      if (i18n.has(`${prefix}${name}`)) return `${prefix}${name}`;
    }
  }
  return undefined;
}

/**
 * A field's name for people: "body.location.text" → the label under "fields.location.text" or "fields.text"
 * (program first), else the path without its request part, so the reader still learns which field it was.
 */
export function fieldLabel(i18n: ErrorTranslator, scopes: readonly string[], field: string): string {
  const path = field.replace(/^(body|querystring|params|headers)\.?/, '');
  if (!path) return field;
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  const key = findKey(i18n, scopes, [`fields.${segments.join('.')}`, `fields.${segments.at(-1)}`]);
  return key ? i18n.t(key) : path;
}

function issueText(i18n: ErrorTranslator, scopes: readonly string[], issue: Issue): string {
  const field = fieldLabel(i18n, scopes, issue.field ?? '');
  const code = issue.code ?? '';
  const names = issue.origin ? [`errors.issues.${code}.${issue.origin}`, `errors.issues.${code}.other`] : [`errors.issues.${code}.other`];
  const key = findKey(i18n, scopes, [...names, `errors.issues.${code}`]);
  const problem = key
    ? i18n.t(key, { minimum: issue.minimum ?? '', maximum: issue.maximum ?? '' })
    : (issue.message ?? i18n.t('errors.issues.invalid'));
  return i18n.t('errors.issue', { field, problem });
}

/**
 * The message to show for an error, in the reader's language when its code is known. Validation errors list
 * each field with its problem; other codes use their details as placeholders ({retryAfterSeconds}, …).
 */
export function describeError(i18n: ErrorTranslator, error: Error | string, scopes: readonly string[] = []): string {
  if (typeof error === 'string') return error;
  const { code, details, message } = error as CodedError;
  if (!code) return message;
  const issues = details?.issues;
  if (code === 'validation' && Array.isArray(issues) && issues.length > 0) {
    return (issues as Issue[]).map((issue) => issueText(i18n, scopes, issue)).join('; ');
  }
  const variant = details?.problem ?? details?.kind;
  const problem = typeof variant === 'string' ? variant : undefined;
  const key = findKey(i18n, scopes, problem ? [`errors.${code}.${problem}`, `errors.${code}`] : [`errors.${code}`]);
  if (!key) return message;
  const vars = detailVars(details);
  if (typeof details?.field === 'string') vars.field = fieldLabel(i18n, scopes, details.field);
  return i18n.t(key, vars);
}

const ErrorScopeContext = createContext<readonly string[]>([]);

/**
 * Makes a program's error messages ("<scope>.errors.<code>") available to every ErrorAlert below it. The app
 * wraps each program's pages and portal widget in one, with scope "programs.<id>".
 */
export function ErrorScope({ scope, children }: { scope: string; children: ReactNode }) {
  const outer = useContext(ErrorScopeContext);
  return createElement(ErrorScopeContext.Provider, { value: [scope, ...outer] }, children);
}

/** The message-key scopes for errors at this point of the page, innermost first. */
export function useErrorScopes(): readonly string[] {
  return useContext(ErrorScopeContext);
}
