/**
 * Screens of the Community Advisory Board program, found by the web app through src/web/programs.ts: the
 * public page at /board (vision, mission, members, meetings, answered questions), a meeting's page, all
 * answers, the form to ask the Chief, a portal section, and a console page for staff.
 */
import type { WebProgram } from '../../../web/programs.js';
import { AskPage } from './AskPage.js';
import { BoardConsole, BOARD_PERMISSION } from './BoardConsole.js';
import { BoardPage } from './BoardPage.js';
import { BoardWidget } from './BoardWidget.js';
import { MeetingConsolePage } from './MeetingConsolePage.js';
import { MeetingPage } from './MeetingPage.js';
import { QuestionsPage } from './QuestionsPage.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './board.css';

export default {
  id: 'board',
  messages: { en, es },
  portal: { Widget: BoardWidget, order: 4 },
  publicPages: {
    navLabel: 'nav',
    navOrder: 12,
    routes: { '': BoardPage, ask: AskPage, questions: QuestionsPage, 'meetings/:meetingId': MeetingPage },
  },
  console: { navLabel: 'nav', permission: BOARD_PERMISSION, Page: BoardConsole, routes: { 'meetings/:meetingId': MeetingConsolePage } },
} satisfies WebProgram;
