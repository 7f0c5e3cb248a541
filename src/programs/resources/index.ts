import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import type { ProgramOpenData } from '../../core/public/open-data.js';
import { resourceRoutes } from './routes.js';
import { resourceStats } from './stats.js';
import { seedDemoResources } from './demo.js';
import { recordReferralsGiven } from './referrals.js';

/**
 * Resources: a directory of services (crisis lines, CIT partners, victim services, youth programs, housing,
 * re-entry) residents search by need, language and area, and the referrals staff make to them.
 */
const manifest = defineProgram({
  id: 'resources',
  name: { en: 'Find help: services directory', es: 'Encuentre ayuda: directorio de servicios' },
  summary: {
    en: 'Crisis lines, victim services, youth programs, housing and re-entry help near you, in your language.',
    es: 'Líneas de crisis, servicios para víctimas, programas juveniles, vivienda y ayuda para la reinserción cerca de usted, en su idioma.',
  },
  permissions: {
    'resources:manage': { description: 'Add, list and unlist services in the directory', defaultRoles: ['administrator', 'command'] },
    'resources:refer': {
      description: 'Record referrals to services and whether they were taken up, and see referral statistics',
      defaultRoles: ['administrator', 'command', 'officer', 'partner', 'volunteer_coordinator', 'tip_handler'],
    },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: resourceRoutes,
  stats: resourceStats,
  // Other programs' records that gave help a service here meets (walk visits) become referrals.
  on: {
    'referrals.given': async (given, { db }) => { await recordReferralsGiven(db, given); },
  },
  seedDemo: seedDemoResources,
});

// The directory is published on the open-data page; ProgramOpenData is an optional manifest member core reads.
const openData: ProgramOpenData = {
  openData: [{
    id: 'resource-directory',
    title: { en: 'Services directory', es: 'Directorio de servicios' },
    description: {
      en: 'Every listed service with its needs, languages and contact. The map file leaves out services whose location is confidential.',
      es: 'Todos los servicios con sus necesidades, idiomas y contacto. El archivo de mapa omite los servicios cuya ubicación es confidencial.',
    },
    formats: { csv: '/api/programs/resources/public/services?format=csv', geojson: '/api/programs/resources/public/services?format=geojson' },
  }],
};

export const resources = Object.assign(manifest, openData);
