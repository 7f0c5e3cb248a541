/**
 * Screens of the Neighborhood Impact walks program: the console list and command figures, one walk (plan,
 * packet, visits, tasks, impact), the phone page for the field, and the print-friendly packet.
 */
import type { WebProgram } from '../../../web/programs.js';
import { WalksConsole, WALKS_PERMISSION } from './WalksConsole.js';
import { WalkPage } from './WalkPage.js';
import { FieldPage } from './FieldPage.js';
import { PacketPage } from './PacketPage.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './walks.css';

export default {
  id: 'walks',
  messages: { en, es },
  console: {
    navLabel: 'nav',
    permission: WALKS_PERMISSION,
    Page: WalksConsole,
    routes: { ':walkId': WalkPage, ':walkId/field': FieldPage, ':walkId/packet/:lang': PacketPage },
  },
} satisfies WebProgram;
