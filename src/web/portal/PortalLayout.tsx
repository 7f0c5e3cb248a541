import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { SiteLayout } from '../components/SiteLayout.js';
import { publicProgramNav } from '../programs.js';

/** The public frame: home, each program's public pages, and the staff entrance (never other console links). */
export function PortalLayout({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <SiteLayout
      navLabel={t('layout.portalNav')}
      nav={[
        { href: '/', label: t('nav.home') },
        ...publicProgramNav().map((entry) => ({ href: entry.href, label: t(entry.labelKey) })),
        { href: '/console/sign-in', label: t('nav.staffSignIn') },
      ]}
    >
      {children}
    </SiteLayout>
  );
}
