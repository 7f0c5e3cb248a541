import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { SiteLayout } from '../components/SiteLayout.js';
import { publicProgramNav } from '../programs.js';
import { portalPageNav } from './nav.js';

/** The public frame: home, the public data pages, each program's public pages, and the staff entrance (never other console links). */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <SiteLayout
      navLabel={t('layout.portalNav')}
      nav={[
        { href: '/', label: t('nav.home') },
        ...portalPageNav.map((entry) => ({ href: entry.href, label: t(entry.labelKey) })),
        ...publicProgramNav().map((entry) => ({ href: entry.href, label: t(entry.labelKey) })),
        { href: '/console/sign-in', label: t('nav.staffSignIn') },
      ]}
    >
      {children}
    </SiteLayout>
  );
}
