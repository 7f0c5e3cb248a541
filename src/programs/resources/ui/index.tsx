/**
 * Screens of the resources program: the public directory (/resources) with a home-page pointer, and the
 * console page for referrals, their take-up and the agency's own listings.
 */
import type { WebProgram } from '../../../web/programs.js';
import { ResourcesPage } from './ResourcesPage.js';
import { FindHelpWidget } from './FindHelpWidget.js';
import { ResourcesConsole, RESOURCES_PERMISSION } from './ResourcesConsole.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './resources.css';

export default {
  id: 'resources',
  messages: { en, es },
  portal: { Widget: FindHelpWidget, order: 21 },
  publicPages: { navLabel: 'nav', navOrder: 31, routes: { '': ResourcesPage } },
  console: { navLabel: 'consoleNav', permission: RESOURCES_PERMISSION, Page: ResourcesConsole },
} satisfies WebProgram;
