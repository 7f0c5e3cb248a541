/**
 * Screens of the I-CAP program: the console page (briefings, alerts, the near-repeat pattern), a stored
 * briefing, one alert with its risk zone on the map, and the alert banner shown on every console page.
 * The two map pages load MapLibre on demand, so the console's first load does not carry it.
 */
import { lazy, Suspense } from 'react';
import type { WebProgram, RouteParams } from '../../../web/programs.js';
import { Loading } from '../../../web/components/Alerts.js';
import { IcapConsole, ICAP_PERMISSION } from './IcapConsole.js';
import { AlertBanner } from './AlertBanner.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './icap.css';

const LazyAlert = lazy(() => import('./AlertPage.js'));
const LazyBriefing = lazy(() => import('./BriefingPage.js'));
const AlertRoute = (props: RouteParams) => <Suspense fallback={<Loading />}><LazyAlert {...props} /></Suspense>;
const BriefingRoute = (props: RouteParams) => <Suspense fallback={<Loading />}><LazyBriefing {...props} /></Suspense>;

export default {
  id: 'icap',
  messages: { en, es },
  console: {
    navLabel: 'nav',
    permission: ICAP_PERMISSION,
    Page: IcapConsole,
    routes: { 'alerts/:alertId': AlertRoute, 'briefings/:briefingId': BriefingRoute },
  },
  consoleBanner: AlertBanner,
} satisfies WebProgram;
