import { fileURLToPath } from 'node:url';
import { defineProgram, type ProgramStat } from '../../core/program/define.js';
import type { Db } from '../../db/types.js';
import { problemRoutes } from './routes.js';
import { seedDemoProblems } from './demo.js';

async function problemStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ open: number; assessed: number; meetings: number; engagements: number }>(
    `SELECT count(*) FILTER (WHERE stage <> 'closed')::int AS open, count(*) FILTER (WHERE assessment IS NOT NULL)::int AS assessed,
            (SELECT count(*)::int FROM neighborhood_meetings) AS meetings, (SELECT count(*)::int FROM sco_engagements) AS engagements FROM problems`);
  return [
    { key: 'open', label: { en: 'Problems being worked', es: 'Problemas en curso' }, value: row.open },
    { key: 'assessed', label: { en: 'Problems assessed', es: 'Problemas evaluados' }, value: row.assessed },
    { key: 'meetings', label: { en: 'Neighborhood meetings', es: 'Reuniones vecinales' }, value: row.meetings },
    { key: 'engagements', label: { en: 'SCO engagements logged', es: 'Actividades de SCO registradas' }, value: row.engagements },
  ];
}

/**
 * Problem solving for Community Response Teams (CRT zones) and Strategic Community Officers (SCO posts):
 * coverage with history, problems through SARA with neighborhood meetings and responses by police and
 * partners, an assessment with the Weighted Displacement Quotient, and the SCO engagement log.
 */
export const problems = defineProgram({
  id: 'problems',
  name: { en: 'Problem solving (CRT and SCO)', es: 'Solución de problemas (CRT y SCO)' },
  summary: {
    en: 'Teams meet neighbors to define problems in hot spots, respond with partners and check what worked.',
    es: 'Los equipos se reúnen con los vecinos para definir problemas en zonas críticas, responden con socios y evalúan qué funcionó.',
  },
  permissions: {
    'problems:read': { description: 'See problems, coverage, meetings and the SCO log', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
    'problems:manage': { description: 'Open problems and move them through SARA; meetings; assessments', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
    'problems:assign': { description: 'Assign teams and officers to CRT zones and SCO posts', defaultRoles: ['administrator', 'command'] },
    'problems:engage': { description: 'Log SCO contacts, referrals and activities', defaultRoles: ['administrator', 'command', 'officer'] },
    'problems:respond': { description: 'Record a response taken on a problem (partners too)', defaultRoles: ['administrator', 'command', 'analyst', 'officer', 'partner'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: problemRoutes,
  stats: problemStats,
  seedDemo: seedDemoProblems,
});
