/**
 * Screens of the volunteers program: public pages to see the programs and apply (/volunteers,
 * /volunteers/apply), a volunteer's own shifts by their private link (/volunteers/shifts#<token>, the path the
 * server's shift-link answer names), a home-page invitation, and the coordinator's console (applicants and their
 * pipeline, shifts, hours with approval and the monthly report, the program list).
 */
import type { WebProgram } from '../../../web/programs.js';
import { ProgramsPage } from './ProgramsPage.js';
import { ApplyPage } from './ApplyPage.js';
import { MyShiftsPage } from './MyShiftsPage.js';
import { VolunteerWidget } from './VolunteerWidget.js';
import { ApplicantsPage } from './ApplicantsPage.js';
import { ApplicantPage } from './ApplicantPage.js';
import { ShiftsPage } from './ShiftsPage.js';
import { HoursPage } from './HoursPage.js';
import { ProgramsAdminPage } from './ProgramsAdminPage.js';
import { VOLUNTEERS_PERMISSION } from './ConsoleFrame.js';
import en from './locales/en.json';
import es from './locales/es.json';
import './volunteers.css';

export default {
  id: 'volunteers',
  messages: { en, es },
  portal: { Widget: VolunteerWidget, order: 20 },
  publicPages: { navLabel: 'nav', navOrder: 30, routes: { '': ProgramsPage, apply: ApplyPage, shifts: MyShiftsPage } },
  console: {
    navLabel: 'consoleNav',
    permission: VOLUNTEERS_PERMISSION,
    Page: ApplicantsPage,
    routes: { 'applicants/:volunteerId': ApplicantPage, shifts: ShiftsPage, hours: HoursPage, programs: ProgramsAdminPage },
  },
} satisfies WebProgram;
