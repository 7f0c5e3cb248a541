import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { requests311Routes } from './routes.js';
import { seedDemoRequests } from './demo.js';
import type { Db } from '../../db/types.js';

/**
 * Quality-of-life reports (graffiti, abandoned cars, streetlights) through an Open311 GeoReport v2 endpoint, so
 * existing 311 apps can submit them. Deliberately separate from anonymous tips: these are public, tips never are.
 */
export const requests311 = defineProgram({
  id: 'requests311',
  name: { en: '311 reports', es: 'Reportes 311' },
  summary: {
    en: 'Report graffiti, abandoned cars, broken streetlights and other neighborhood problems, from this site or any Open311 app.',
    es: 'Reporte grafiti, autos abandonados, farolas rotas y otros problemas del vecindario, desde este sitio o cualquier app Open311.',
  },
  permissions: {
    'requests311:manage': { description: 'See and close 311 quality-of-life reports', defaultRoles: ['administrator', 'command', 'officer'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: requests311Routes,
  stats: async (db: Db) => {
    const [row] = await db.query<{ open: number; closed: number }>(
      "SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'closed')::int AS closed FROM open311_requests");
    return [
      { key: 'open', label: { en: 'Open 311 reports', es: 'Reportes 311 abiertos' }, value: row.open },
      { key: 'closed', label: { en: 'Closed 311 reports', es: 'Reportes 311 cerrados' }, value: row.closed },
    ];
  },
  seedDemo: seedDemoRequests,
});
