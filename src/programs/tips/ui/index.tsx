/**
 * Screens of the anonymous tips program, found by the web app through src/web/programs.ts: a portal section to
 * send a tip and follow it up, and a console page for tip handlers, the reward board and command staff.
 */
import type { WebProgram } from '../../../web/programs.js';
import { FollowUpPage, TipsPage, TipsTeaser } from './TipsPortal.js';
import { TipsConsole, TIPS_PERMISSION } from './TipsConsole.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './tips.css';

export default {
  id: 'tips',
  messages: { en, es },
  // Right after the notices: sending a tip is the main thing a resident comes to do.
  portal: { Widget: TipsTeaser, order: 1 },
  publicPages: { navLabel: 'portal.navLabel', navOrder: 1, routes: { '': TipsPage, 'follow-up': FollowUpPage } },
  console: { navLabel: 'nav', permission: TIPS_PERMISSION, Page: TipsConsole },
} satisfies WebProgram;
