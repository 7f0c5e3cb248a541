import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { navigate, Redirect } from '../router.js';
import { SiteLayout } from '../components/SiteLayout.js';
import { ErrorAlert, Loading } from '../components/Alerts.js';
import { webPrograms } from '../programs.js';
import { useSession } from './session.js';

export interface ConsolePage {
  href: string;
  label: string;
  permission: string;
}

/** Console pages in navigation order: the core ones, then every program that has a console page. */
export function useConsolePages(): ConsolePage[] {
  const t = useT();
  const core: ConsolePage[] = [
    { href: '/console/incidents', label: t('nav.incidents'), permission: 'incidents:read' },
    { href: '/console/areas', label: t('nav.areas'), permission: 'incidents:read' },
    { href: '/console/analysis', label: t('nav.analysis'), permission: 'incidents:read' },
    { href: '/console/imports', label: t('nav.imports'), permission: 'incidents:import' },
  ];
  const programPages = webPrograms
    .filter((p) => p.console)
    .map((p) => ({ href: `/console/programs/${p.id}`, label: t(`programs.${p.id}.${p.console!.navLabel}`), permission: p.console!.permission }));
  const admin: ConsolePage[] = [
    { href: '/console/users', label: t('nav.users'), permission: 'users:manage' },
    { href: '/console/audit', label: t('nav.audit'), permission: 'audit:read' },
  ];
  return [...core, ...programPages, ...admin];
}

export interface ConsoleLayoutProps {
  /** The permission this page needs; without it the page says so instead of rendering. */
  permission: string;
  wide?: boolean;
  children: ReactNode;
}

/** Frame of every console page: only signed-in staff get in, and the navigation lists what they may use. */
export function ConsoleLayout({ permission, wide, children }: ConsoleLayoutProps) {
  const t = useT();
  const session = useSession();
  const pages = useConsolePages();

  if (session.user === undefined) return <Loading />;
  if (session.user === null) return <Redirect to="/console/sign-in" />;

  const allowed = pages.filter((p) => session.can(p.permission));
  const signOut = async () => {
    await session.signOut();
    navigate('/console/sign-in');
  };
  return (
    <SiteLayout
      navLabel={t('layout.consoleNav')}
      nav={allowed}
      wide={wide}
      account={
        <div className="bridges-user">
          <span data-testid="signed-in-user">
            <span className="bridges-user__name">{session.user.displayName}</span>
            <span className="bridges-user__agency"> · {session.user.agency.name}</span>
          </span>
          <button type="button" className="usa-button usa-button--unstyled bridges-user__sign-out" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      }
    >
      {webPrograms.map((p) => p.consoleBanner && <p.consoleBanner key={p.id} />)}
      <ErrorAlert error={session.error} />
      {session.can(permission) ? children : <NoAccess />}
    </SiteLayout>
  );
}

function NoAccess() {
  const t = useT();
  return (
    <>
      <h1>{t('console.noAccess.title')}</h1>
      <p>{t('console.noAccess.body')}</p>
    </>
  );
}

/** "/console": the first page the user may open, or a short explanation when there is none. */
export function ConsoleHome() {
  const session = useSession();
  const pages = useConsolePages();
  if (session.user === undefined) return <Loading />;
  if (session.user === null) return <Redirect to="/console/sign-in" />;
  const first = pages.find((p) => session.can(p.permission));
  if (first) return <Redirect to={first.href} />;
  // No role grants a console page: the layout's own "no access" explanation is the whole page.
  return <ConsoleLayout permission="console:none">{null}</ConsoleLayout>;
}
