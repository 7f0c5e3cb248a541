import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { seedDemoBoard } from './demo.js';
import { boardRoutes } from './routes.js';
import { boardStats } from './stats.js';

/**
 * The Community Advisory Board: its vision and mission, seats and members with terms and appointing bodies,
 * meetings (events by id) with agenda, minutes and attendance, and questions from the public to the Chief,
 * moderated and answered in public.
 */
export const board = defineProgram({
  id: 'board',
  name: { en: 'Community Advisory Board', es: 'Junta Asesora Comunitaria' },
  summary: {
    en: 'Residents who advise the department: who they are, when they meet, and answers to your questions for the Chief.',
    es: 'Vecinos que asesoran al departamento: quiénes son, cuándo se reúnen y respuestas a sus preguntas para el Jefe.',
  },
  permissions: {
    'board:manage': { description: 'Manage the Advisory Board: seats, members, meetings, minutes, and moderating and answering questions', defaultRoles: ['administrator', 'command'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: boardRoutes,
  stats: boardStats,
  seedDemo: seedDemoBoard,
});
