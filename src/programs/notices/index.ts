import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { noticeRoutes } from './routes.js';
import { noticeStats } from './service.js';
import { seedDemoNotices } from './demo.js';

/**
 * Community notices: the department tells residents what they should know (a safety alert after a string
 * of burglaries, a road closure for an event), in English and Spanish, optionally for one area.
 */
export const notices = defineProgram({
  id: 'notices',
  name: { en: 'Community notices', es: 'Avisos a la comunidad' },
  summary: {
    en: 'Safety alerts and news from the department, by neighborhood.',
    es: 'Alertas de seguridad y noticias del departamento, por vecindario.',
  },
  permissions: {
    'notices:publish': { description: 'Write, publish and withdraw community notices', defaultRoles: ['administrator', 'command', 'officer'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: noticeRoutes,
  stats: noticeStats,
  seedDemo: seedDemoNotices,
});
