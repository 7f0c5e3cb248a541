import { useT } from '../i18n/index.js';
import { Link } from '../router.js';
import { portalPageNav } from './nav.js';

const DESCRIPTIONS: Record<string, string> = {
  '/crime-map': 'publicPages.explore.crimeMap',
  '/results': 'publicPages.explore.results',
  '/open-data': 'publicPages.explore.openData',
};

/** The home page's pointer to the public data pages, right after the city-wide counts it expands on. */
export function ExploreData() {
  const t = useT();
  return (
    <section aria-labelledby="explore-heading" className="margin-y-4" data-testid="explore-data">
      <h2 id="explore-heading">{t('publicPages.explore.heading')}</h2>
      <p>{t('publicPages.explore.intro')}</p>
      <ul className="usa-list">
        {portalPageNav.map((page) => (
          <li key={page.href}>
            <Link href={page.href}>{t(page.labelKey)}</Link>: {t(DESCRIPTIONS[page.href])}
          </li>
        ))}
      </ul>
    </section>
  );
}
