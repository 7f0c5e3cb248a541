import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { walkRoutes } from './routes.js';
import { walkStats } from './stats.js';
import { seedDemoWalks } from './demo.js';
import { openWalksForIncidents } from './open.js';

/**
 * Neighborhood Impact walks (Stockton's protocol): a few days after a homicide or shooting, community service
 * officers, chaplains, officers and partner volunteers walk the blocks around it, talk with neighbors, share
 * resources and how to help. Walks open by rule when a qualifying incident is recorded; see README.md.
 */
export const walks = defineProgram({
  id: 'walks',
  name: { en: 'Neighborhood Impact walks', es: 'Caminatas de Impacto Vecinal' },
  summary: {
    en: 'After a shooting, officers, chaplains and neighbors walk the blocks nearby to listen and share help.',
    es: 'Después de un tiroteo, oficiales, capellanes y vecinos recorren las cuadras cercanas para escuchar y compartir ayuda.',
  },
  permissions: {
    'walks:read': { description: 'See walks, their visits (without contacts), tasks and impact', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
    'walks:manage': { description: "Open, plan, start and complete walks; follow-up tasks; residents' contacts", defaultRoles: ['administrator', 'command', 'officer'] },
    'walks:field': { description: 'Record door visits on a walk (phone)', defaultRoles: ['administrator', 'command', 'officer', 'partner', 'volunteer_coordinator'] },
    'walks:configure': { description: 'Change the rules that open walks', defaultRoles: ['administrator', 'command'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: walkRoutes,
  stats: walkStats,
  on: {
    'incidents.recorded': async ({ agencyId, incidentIds }, { db }) => {
      await openWalksForIncidents(db, agencyId, incidentIds);
    },
  },
  seedDemo: seedDemoWalks,
});
