import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { SiteLayout } from '../components/SiteLayout.js';

/** The public frame: home and the staff entrance. Residents never see console links beyond sign-in. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <SiteLayout
      navLabel={t('layout.portalNav')}
      nav={[
        { href: '/', label: t('nav.home') },
        { href: '/console/sign-in', label: t('nav.staffSignIn') },
      ]}
    >
      {children}
    </SiteLayout>
  );
}
