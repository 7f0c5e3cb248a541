/**
 * Screens of the events program, found by the web app through src/web/programs.ts: the public listing and
 * event pages at /events, the private RSVP link and the survey, a portal section with the next events, and
 * a console page to run events (check-in, walk-ins, survey results).
 */
import type { WebProgram } from '../../../web/programs.js';
import { CancelRsvpPage } from './CancelRsvpPage.js';
import { EventConsolePage } from './EventConsolePage.js';
import { EventPage } from './EventPage.js';
import { EventsConsole, EVENTS_PERMISSION } from './EventsConsole.js';
import { EventsPage } from './EventsPage.js';
import { EventsWidget } from './EventsWidget.js';
import { SurveyPage } from './SurveyPage.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './events.css';

export default {
  id: 'events',
  messages: { en, es },
  portal: { Widget: EventsWidget, order: 3 },
  publicPages: {
    navLabel: 'nav',
    navOrder: 10,
    // 'rsvp' comes before ':eventId', which would otherwise match it.
    routes: { '': EventsPage, rsvp: CancelRsvpPage, ':eventId/survey': SurveyPage, ':eventId': EventPage },
  },
  console: { navLabel: 'nav', permission: EVENTS_PERMISSION, Page: EventsConsole, routes: { ':eventId': EventConsolePage } },
} satisfies WebProgram;
