import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import type { ProgramOpenData } from '../../core/public/open-data.js';
import { seedDemoWatch } from './demo.js';
import { watchRoutes } from './routes.js';
import { watchStats } from './stats.js';

/**
 * Neighborhood watch: groups with a boundary on the map, captains and members who joined with consent,
 * meetings and trainings (events by id), and alerts from staff to members by e-mail or text message.
 * Residents find the group for their block on the map or by neighborhood, and ask to join or to start one.
 */
const manifest = defineProgram({
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

// The map of active groups is open data: boundaries and names only, never members or captains.
const openData: ProgramOpenData = {
  openData: [{
    id: 'watch-groups',
    title: { en: 'Neighborhood watch groups', es: 'Grupos de vigilancia vecinal' },
    description: {
      en: 'The boundary and name of every active watch group. No members, captains or contact details.',
      es: 'El límite y el nombre de cada grupo de vigilancia activo. Sin miembros, capitanes ni datos de contacto.',
    },
    formats: { geojson: '/api/programs/watch/public/groups' },
  }],
};

export const watch = Object.assign(manifest, openData);
