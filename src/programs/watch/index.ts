import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { seedDemoWatch } from './demo.js';
import { watchRoutes } from './routes.js';
import { watchStats } from './stats.js';

/**
 * Neighborhood watch: groups with a boundary on the map, captains and members who joined with consent,
 * meetings and trainings (events by id), and alerts from staff to members by e-mail or text message.
 * Residents find the group for their block on the map or by neighborhood, and ask to join or to start one.
 */
export const watch = defineProgram({
  id: 'watch',
  name: { en: 'Neighborhood watch', es: 'Vigilancia vecinal' },
  summary: {
    en: 'Find the watch group for your block, join it, or start one with your neighbors.',
    es: 'Encuentre el grupo de vigilancia de su cuadra, únase o inicie uno con sus vecinos.',
  },
  permissions: {
    'watch:manage': {
      description: 'Create and change watch groups, review requests, see members (names only), send alerts to groups',
      defaultRoles: ['administrator', 'command', 'officer', 'volunteer_coordinator'],
    },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: watchRoutes,
  stats: watchStats,
  seedDemo: seedDemoWatch,
});
