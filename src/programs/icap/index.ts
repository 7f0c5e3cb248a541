import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import type { Db } from '../../db/types.js';
import type { ProgramStat } from '../../core/program/define.js';
import { icapRoutes } from './routes.js';
import { raiseAlerts } from './alerts.js';
import { scheduledBriefings } from './briefing/build.js';
import { seedDemoIcap } from './demo.js';

async function icapStats(db: Db): Promise<ProgramStat[]> {
  const [row] = await db.query<{ briefings: number; alerts: number; acknowledged: number }>(
    `SELECT (SELECT count(*)::int FROM icap_briefings) AS briefings, count(*)::int AS alerts,
            count(*) FILTER (WHERE acknowledged_at IS NOT NULL)::int AS acknowledged FROM icap_alerts`);
  return [
    { key: 'briefings', label: { en: 'I-CAP briefings', es: 'Informes I-CAP' }, value: row.briefings },
    { key: 'alerts', label: { en: 'Retaliation alerts raised', es: 'Alertas de represalia emitidas' }, value: row.alerts },
    { key: 'acknowledged', label: { en: 'Alerts acknowledged', es: 'Alertas atendidas' }, value: row.acknowledged },
  ];
}

/**
 * I-CAP (Intelligence, Communication and Planning): the weekly briefing that steers resources to hot-spot
 * neighborhoods, and real-time alerts after a shooting with the zone and window of raised retaliation risk.
 */
export const icap = defineProgram({
  id: 'icap',
  name: { en: 'I-CAP briefings and alerts', es: 'Informes y alertas I-CAP' },
  summary: {
    en: 'A weekly briefing on hot spots, risk zones, walks and problems, and alerts after a shooting.',
    es: 'Un informe semanal de zonas críticas, zonas de riesgo, caminatas y problemas, y alertas después de un tiroteo.',
  },
  permissions: {
    'icap:read': { description: 'Read I-CAP briefings and the near-repeat pattern', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
    'icap:manage': { description: 'Generate briefings and recompute the near-repeat pattern', defaultRoles: ['administrator', 'command', 'analyst'] },
    'icap:alerts': { description: 'Receive real-time retaliation alerts after a shooting', defaultRoles: ['administrator', 'command', 'analyst', 'officer'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: icapRoutes,
  stats: icapStats,
  on: {
    'incidents.recorded': async ({ agencyId, incidentIds }, { db }) => {
      await raiseAlerts(db, agencyId, incidentIds);
    },
  },
  jobs: [{ name: 'icap.weekly-briefing', everySeconds: 7 * 86_400, run: async ({ db, now }) => { await scheduledBriefings(db, now); } }],
  seedDemo: seedDemoIcap,
});
