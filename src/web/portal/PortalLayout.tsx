import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { SiteLayout } from '../components/SiteLayout.js';
import { Link } from '../router.js';
import { publicProgramNav } from '../programs.js';
import { portalPageNav } from './nav.js';

/**
 * The public frame: home, the public data pages and each program's public pages in the navigation; the staff
 * entrance sits in the top bar beside the language switcher (never other console links), out of residents' way.
 */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <SiteLayout
      navLabel={t('layout.portalNav')}
      nav={[
        { href: '/', label: t('nav.home') },
        ...portalPageNav.map((entry) => ({ href: entry.href, label: t(entry.labelKey) })),
        ...publicProgramNav().map((entry) => ({ href: entry.href, label: t(entry.labelKey) })),
      ]}
      account={
        <Link href="/console/sign-in" className="bridges-topbar__link">
          {t('nav.staffSignIn')}
        </Link>
      }
    >
      {children}
    </SiteLayout>
  );
}
