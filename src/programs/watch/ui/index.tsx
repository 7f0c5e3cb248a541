/**
 * Screens of the neighborhood watch program, found by the web app through src/web/programs.ts: the public
 * map and list at /watch, a group's page with the join form, starting a group, leaving by private link,
 * and a console page to review requests, draw boundaries, manage members, link meetings and send alerts.
 */
import type { WebProgram } from '../../../web/programs.js';
import { GroupConsolePage } from './GroupConsolePage.js';
import { GroupPage } from './GroupPage.js';
import { LeavePage } from './LeavePage.js';
import { StartPage } from './StartPage.js';
import { WatchConsole, WATCH_PERMISSION } from './WatchConsole.js';
import { WatchPage } from './WatchPage.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './watch.css';

export default {
  id: 'watch',
  messages: { en, es },
  publicPages: {
    navLabel: 'nav',
    navOrder: 11,
    // The fixed paths come before ':groupId', which would otherwise match them.
    routes: { '': WatchPage, start: StartPage, leave: LeavePage, ':groupId': GroupPage },
  },
  console: { navLabel: 'nav', permission: WATCH_PERMISSION, Page: WatchConsole, routes: { ':groupId': GroupConsolePage } },
} satisfies WebProgram;
