/** Screens of the 311 reports program: a portal form for neighborhood problems and a console list to close them. */
import type { WebProgram } from '../../../web/programs.js';
import { ReportWidget } from './ReportWidget.js';
import { RequestsConsole, REQUESTS311_PERMISSION } from './RequestsConsole.js';
import en from './locales/en.json';
import es from './locales/es.json';

export default {
  id: 'requests311',
  messages: { en, es },
  portal: { Widget: ReportWidget, order: 2 },
  console: { navLabel: 'nav', permission: REQUESTS311_PERMISSION, Page: RequestsConsole },
} satisfies WebProgram;
