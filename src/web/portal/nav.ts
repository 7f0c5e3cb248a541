/**
 * Navigation entries of the portal's own public pages (pages.tsx), kept apart from the pages so the layout
 * that every page uses does not import the pages themselves.
 */
export const portalPageNav: ReadonlyArray<{ href: string; labelKey: string }> = [
  { href: '/crime-map', labelKey: 'publicPages.nav.crimeMap' },
  { href: '/results', labelKey: 'publicPages.nav.results' },
  { href: '/open-data', labelKey: 'publicPages.nav.openData' },
];
