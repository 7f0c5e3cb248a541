/**
 * Screens of the problem-solving program: the console page (problems, coverage of CRT zones and SCO posts,
 * neighborhood meetings, the SCO log) and one problem carried through SARA.
 */
import type { WebProgram } from '../../../web/programs.js';
import { ProblemsConsole, PROBLEMS_PERMISSION } from './ProblemsConsole.js';
import { ProblemPage } from './ProblemPage.js';
import en from './locales/en.json';
import es from './locales/es.json';

export default {
  id: 'problems',
  messages: { en, es },
  console: { navLabel: 'nav', permission: PROBLEMS_PERMISSION, Page: ProblemsConsole, routes: { ':problemId': ProblemPage } },
} satisfies WebProgram;
