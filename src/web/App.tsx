/**
 * Routes of the web app. The portal is public; everything under /console needs a signed-in staff member
 * (ConsoleLayout sends others to the sign-in page). Program console pages live at /console/programs/<id>.
 */
import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react';
import { matchPath, usePath, Link, useDocumentTitle } from './router.js';
import { I18nProvider, useT } from './i18n/index.js';
import { ConfigProvider } from './config.js';
import { programMessages, findWebProgram, matchProgramRoute, webPrograms } from './programs.js';
import { Home } from './portal/Home.js';
import { PortalLayout } from './portal/PortalLayout.js';
import { portalPages } from './portal/pages.js';
import { SessionProvider } from './console/session.js';
import { SignIn } from './console/SignIn.js';
import { ConsoleHome } from './console/ConsoleLayout.js';
import { UsersPage } from './console/users/UsersPage.js';
import { AuditPage } from './console/audit/AuditPage.js';
import { ImportsPage } from './console/imports/ImportsPage.js';
import { Loading } from './components/Alerts.js';
import { ErrorScope } from './i18n/errors.js';
import { ANALYSIS_PATHS } from './console/analysis/paths.js';

// The map pages carry MapLibre (most of the bundle); residents on the portal never download it.
const IncidentsPage = lazy(() => import('./console/incidents/IncidentsPage.js').then((m) => ({ default: m.IncidentsPage })));
const AreasPage = lazy(() => import('./console/areas/AreasPage.js').then((m) => ({ default: m.AreasPage })));
const AnalysisPage = lazy(() => import('./console/analysis/AnalysisPage.js').then((m) => ({ default: m.AnalysisPage })));

export function App() {
  return (
    <I18nProvider extra={programMessages}>
      <ConfigProvider>
        <Routes />
      </ConfigProvider>
    </I18nProvider>
  );
}

const CONSOLE_PAGES: Record<string, ComponentType> = {
  '/console': ConsoleHome,
  '/console/incidents': IncidentsPage,
  '/console/areas': AreasPage,
  ...Object.fromEntries(ANALYSIS_PATHS.map((path) => [path, AnalysisPage])),
  '/console/users': UsersPage,
  '/console/audit': AuditPage,
  '/console/imports': ImportsPage,
  '/console/sign-in': SignIn,
};

function Routes() {
  const path = usePath().replace(/(.)\/+$/, '$1');
  useFocusOnNavigation(path);
  if (path === '/') return <Home />;
  const PortalPage = portalPages[path];
  if (PortalPage) return <PortalPage />;
  if (path === '/console' || path.startsWith('/console/')) {
    return <SessionProvider><ConsoleRoute path={path} /></SessionProvider>;
  }
  for (const program of webPrograms) {
    const match = matchProgramRoute(`/${program.id}`, program.publicPages?.routes, path);
    if (match) return <ErrorScope scope={`programs.${program.id}`}><match.Page params={match.params} /></ErrorScope>;
  }
  return <NotFound />;
}

function ConsoleRoute({ path }: { path: string }) {
  const Page = CONSOLE_PAGES[path];
  if (Page) {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  }
  const params = matchPath('/console/programs/:id', path);
  const program = params ? findWebProgram(params.id) : undefined;
  if (program?.console) {
    const ProgramPage = program.console.Page;
    return <ErrorScope scope={`programs.${program.id}`}><ProgramPage /></ErrorScope>;
  }
  for (const candidate of webPrograms) {
    const match = matchProgramRoute(`/console/programs/${candidate.id}`, candidate.console?.routes, path);
    if (match) return <ErrorScope scope={`programs.${candidate.id}`}><match.Page params={match.params} /></ErrorScope>;
  }
  return <NotFound />;
}

/**
 * After an in-app navigation, focus moves to <main> so keyboard and screen-reader users start at the new
 * page's content, as they would after a full page load. The first render keeps the browser's default.
 */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [path]);
}

function NotFound() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <PortalLayout>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.home')}</Link>
      </p>
    </PortalLayout>
  );
}
