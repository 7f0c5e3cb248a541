import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { volunteerRoutes } from './routes.js';
import { volunteerStats } from './stats.js';
import { seedDemoVolunteers } from './demo.js';

/**
 * Volunteers: residents apply to the department's volunteer programs (VIPS, Sentinel, chaplaincy, Explorers,
 * Youth Activities League — the list is data), coordinators move them through a pipeline, run shifts and
 * approve the hours they serve.
 */
export const volunteers = defineProgram({
  id: 'volunteers',
  name: { en: 'Volunteer programs', es: 'Programas de voluntariado' },
  summary: {
    en: 'Give your time: help at the district, check on seniors, mentor young people or join the Explorers.',
    es: 'Done su tiempo: ayude en el distrito, visite a personas mayores, sea mentor de jóvenes o únase a los Exploradores.',
  },
  permissions: {
    'volunteers:manage': {
      description: 'See applicants and volunteers, move them through the pipeline, run shifts and approve hours',
      defaultRoles: ['volunteer_coordinator', 'administrator', 'command'],
    },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: volunteerRoutes,
  stats: volunteerStats,
  seedDemo: seedDemoVolunteers,
});
