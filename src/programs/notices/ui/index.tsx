/**
 * Screens of the community notices program, found by the web app through src/web/programs.ts: a portal
 * section with the notices in effect, and a console page to write, publish and withdraw them.
 */
import type { WebProgram } from '../../../web/programs.js';
import { NoticesWidget } from './NoticesWidget.js';
import { NoticesConsole, NOTICES_PERMISSION } from './NoticesConsole.js';
import en from './locales/en.json';
import es from './locales/es.json';

export default {
  id: 'notices',
  messages: { en, es },
  // Notices come first on the home page: they are what changes from week to week.
  portal: { Widget: NoticesWidget, order: 0 },
  console: { navLabel: 'nav', permission: NOTICES_PERMISSION, Page: NoticesConsole },
} satisfies WebProgram;
