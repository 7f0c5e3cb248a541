/**
 * Translations without an i18n library. Every JSON file in ./locales is a language: adding one is adding a
 * file (its own name goes in "meta.name"). Keys are nested objects flattened to "a.b.c"; values may hold
 * {placeholders}; plural forms are objects keyed by Intl.PluralRules categories ("one", "other", …).
 * Programs bring their own messages (see ../programs.ts); they are merged in under "programs.<id>.".
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

/** A locale file as written: nested objects whose leaves are strings. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}
/** Flattened messages: "portal.home.title" → "Working together…". */
export type Messages = Record<string, string>;
export type Vars = Record<string, string | number>;

export interface LocaleInfo {
  code: string;
  /** The language's name in that language ("Español"), shown in the switcher. */
  name: string;
}

export const DEFAULT_LOCALE = 'en';
const STORAGE_KEY = 'bridges.locale';

export function flatten(tree: MessageTree, prefix = '', into: Messages = {}): Messages {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') into[path] = value;
    else flatten(value, path, into);
  }
  return into;
}

const files = import.meta.glob<MessageTree>('./locales/*.json', { eager: true, import: 'default' });

/** Core messages of every bundled language, by code (the file name). */
export const catalogues: Record<string, Messages> = Object.fromEntries(
  Object.entries(files).map(([path, tree]) => [path.replace(/^.*\/([^/]+)\.json$/, '$1'), flatten(tree)]),
);

export const locales: LocaleInfo[] = Object.keys(catalogues)
  .sort((a, b) => (a === DEFAULT_LOCALE ? -1 : b === DEFAULT_LOCALE ? 1 : a.localeCompare(b)))
  .map((code) => ({ code, name: catalogues[code]['meta.name'] ?? code }));

/** The remembered choice, else the browser's first language we have, else English. */
export function initialLocale(): string {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored && catalogues[stored]) return stored;
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.toLowerCase().split('-')[0];
    if (catalogues[base]) return base;
  }
  return DEFAULT_LOCALE;
}

// Private browsing modes can throw on localStorage access; the choice then just isn't remembered.
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function interpolate(template: string, vars: Vars | undefined, locale: string): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(locale) : value;
  });
}

/** Text the server sends in several languages ({ en, es }); falls back to English. */
export type LocalizedText = Record<string, string>;

export interface I18n {
  locale: string;
  locales: LocaleInfo[];
  setLocale(code: string): void;
  /** The message for key, falling back to English and then to the key itself (visible in review). */
  t(key: string, vars?: Vars): string;
  /** Whether a message exists (for names that may or may not have a translation, like custom roles). */
  has(key: string): boolean;
  /** Picks the plural form of key for count; {count} is available to the template. */
  plural(key: string, count: number, vars?: Vars): string;
  /** Chooses the current language from server-sent text. */
  pick(text: LocalizedText | null | undefined): string;
  formatDate(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export interface I18nProviderProps {
  /** Program messages by locale, already prefixed ("programs.notices.…"). */
  extra?: Record<string, Messages>;
  children: ReactNode;
}

export function I18nProvider({ extra, children }: I18nProviderProps) {
  const [locale, setLocaleState] = useState(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((code: string) => {
    if (!catalogues[code]) return;
    safeStorage()?.setItem(STORAGE_KEY, code);
    setLocaleState(code);
  }, []);

  const value = useMemo<I18n>(() => {
    const current = { ...extra?.[DEFAULT_LOCALE], ...catalogues[DEFAULT_LOCALE], ...extra?.[locale], ...catalogues[locale] };
    const lookup = (key: string) => current[key];
    const t = (key: string, vars?: Vars) => interpolate(lookup(key) ?? key, vars, locale);
    const rules = new Intl.PluralRules(locale);
    const dateFormats = new Map<string, Intl.DateTimeFormat>();
    return {
      locale,
      locales,
      setLocale,
      t,
      has: (key) => lookup(key) !== undefined,
      plural: (key, count, vars) => {
        const template = lookup(`${key}.${rules.select(count)}`) ?? lookup(`${key}.other`) ?? key;
        return interpolate(template, { count, ...vars }, locale);
      },
      pick: (text) => (text ? (text[locale] ?? text[DEFAULT_LOCALE] ?? Object.values(text)[0] ?? '') : ''),
      formatDate: (input, options = { dateStyle: 'medium' }) => {
        const cacheKey = JSON.stringify(options);
        let format = dateFormats.get(cacheKey);
        if (!format) dateFormats.set(cacheKey, (format = new Intl.DateTimeFormat(locale, options)));
        return format.format(typeof input === 'string' ? new Date(input) : input);
      },
      formatNumber: (n) => n.toLocaleString(locale),
    };
  }, [locale, extra, setLocale]);

  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

/** The translate function alone, for components that only show text. */
export function useT(): I18n['t'] {
  return useI18n().t;
}
