/**
 * Screens of the programs. Every src/programs/<id>/ui/index.tsx default-exports a WebProgram (written
 * `export default { … } satisfies WebProgram`, a type-only import, so no import cycle at run time); the glob
 * below finds them at build time, so adding a program's screens needs no edit anywhere in the web app.
 */
import type { ComponentType } from 'react';
import { flatten, type MessageTree, type Messages } from './i18n/index.js';
import { matchPath } from './router.js';

export interface WebProgram {
  /** The program's id, as in its server manifest (src/programs/<id>/index.ts). */
  id: string;
  /**
   * The program's own translations by locale code. They are available to every component as
   * "programs.<id>.<key>", so a program never edits the core locale files.
   */
  messages: Record<string, MessageTree>;
  /** A section of the public portal home; sections appear by `order`, lower first. */
  portal?: { Widget: ComponentType; order?: number };
  /**
   * Public pages under /<id>/…: keys are sub-paths relative to it ('' is /<id> itself, ':eventId' or
   * 'join' below it). With navLabel the program appears in the portal navigation, by navOrder.
   */
  publicPages?: {
    navLabel?: string;
    navOrder?: number;
    routes: Record<string, ComponentType<RouteParams>>;
  };
  /** A console page at /console/programs/<id>, listed in the navigation for users with `permission`. */
  console?: {
    /** Message key of the navigation label (inside the program's messages, without the prefix). */
    navLabel: string;
    permission: string;
    Page: ComponentType;
    /** Deeper console pages, relative to /console/programs/<id>/ (e.g. ':tipId'). */
    routes?: Record<string, ComponentType<RouteParams>>;
  };
  /** Shown at the top of every console page (e.g. a real-time alert); it checks its own permission. */
  consoleBanner?: ComponentType;
}

/** Path parameters of a program route, e.g. { eventId: '42' } for ':eventId'. */
export interface RouteParams {
  params: Record<string, string>;
}

const modules = import.meta.glob<WebProgram>('../programs/*/ui/index.tsx', { eager: true, import: 'default' });

export const webPrograms: WebProgram[] = Object.values(modules).sort((a, b) => a.id.localeCompare(b.id));

/** Every program's messages, prefixed and flattened, by locale: handed to the I18nProvider. */
export const programMessages: Record<string, Messages> = (() => {
  const byLocale: Record<string, Messages> = {};
  for (const program of webPrograms) {
    for (const [locale, tree] of Object.entries(program.messages)) {
      byLocale[locale] = flatten(tree, `programs.${program.id}`, byLocale[locale] ?? {});
    }
  }
  return byLocale;
})();

export function findWebProgram(id: string): WebProgram | undefined {
  return webPrograms.find((p) => p.id === id);
}

/** Finds the page for a path among `routes` mounted at `base`; null when none matches. */
export function matchProgramRoute(
  base: string, routes: Record<string, ComponentType<RouteParams>> | undefined, path: string,
): { Page: ComponentType<RouteParams>; params: Record<string, string> } | null {
  if (!routes) return null;
  for (const [sub, Page] of Object.entries(routes)) {
    const params = matchPath(sub ? `${base}/${sub}` : base, path);
    if (params) return { Page, params };
  }
  return null;
}

/** Portal navigation entries of the programs that have public pages with a label. */
export function publicProgramNav(): Array<{ id: string; href: string; labelKey: string }> {
  return webPrograms
    .filter((p) => p.publicPages?.navLabel)
    .sort((a, b) => (a.publicPages!.navOrder ?? 100) - (b.publicPages!.navOrder ?? 100))
    .map((p) => ({ id: p.id, href: `/${p.id}`, labelKey: `programs.${p.id}.${p.publicPages!.navLabel}` }));
}
