import { useT } from '../i18n/index.js';
import { ErrorScope } from '../i18n/errors.js';
import { Link, useDocumentTitle } from '../router.js';
import { webPrograms } from '../programs.js';
import { PortalLayout } from './PortalLayout.js';
import { FourPs } from './FourPs.js';
import { CitySummary } from './CitySummary.js';
import { ProgramList } from './ProgramList.js';
import { ExploreData } from './ExploreData.js';

/** The public portal home: what Bridges is, what is happening now, and how residents take part. */
export function Home() {
  const t = useT();
  useDocumentTitle(t('portal.home.documentTitle'));
  const widgets = webPrograms
    .filter((p) => p.portal)
    .sort((a, b) => (a.portal!.order ?? 100) - (b.portal!.order ?? 100));
  return (
    <PortalLayout>
      <section className="usa-hero bridges-hero" aria-labelledby="home-heading">
        <div className="usa-hero__callout">
          <h1 id="home-heading" className="usa-hero__heading">
            {t('portal.home.title')}
          </h1>
          <p>{t('portal.home.lead')}</p>
        </div>
      </section>
      {widgets.map(({ id, portal }) => {
        const Widget = portal!.Widget;
        return <ErrorScope key={id} scope={`programs.${id}`}><Widget /></ErrorScope>;
      })}
      <FourPs />
      <CitySummary />
      <ExploreData />
      <ProgramList />
      <section aria-labelledby="staff-heading" className="margin-y-4">
        <h2 id="staff-heading">{t('portal.staff.heading')}</h2>
        <p>{t('portal.staff.body')}</p>
        <Link href="/console/sign-in" className="usa-button usa-button--outline" data-testid="staff-sign-in">
          {t('nav.staffSignIn')}
        </Link>
      </section>
    </PortalLayout>
  );
}
