import { fileURLToPath } from 'node:url';
import { defineProgram } from '../../core/program/define.js';
import { tipRoutes } from './routes/index.js';
import { tipStats } from './stats.js';
import { seedDemoTips } from './demo.js';
import { tipJobs } from './jobs.js';

/**
 * Crime Stoppers and text tipping: anonymous tips by web form and text message, a two-way anonymous follow-up
 * by tip number and passphrase, staff triage and routing, rewards decided by a board, dashboards. See README.md.
 */
export const tips = defineProgram({
  id: 'tips',
  name: { en: 'Anonymous tips', es: 'Pistas anónimas' },
  summary: {
    en: 'Tell the police what you know without saying who you are, on the web or by text message, and follow up with your tip number.',
    es: 'Diga a la policía lo que sabe sin decir quién es, en la web o por mensaje de texto, y dé seguimiento con su número de pista.',
  },
  permissions: {
    'tips:read': { description: "Read the agency's tips and the tips forwarded to it", defaultRoles: ['administrator', 'command', 'tip_handler'] },
    'tips:triage': { description: 'Triage tips: state, priority, routing, forwarding, notes, messages to tipsters', defaultRoles: ['administrator', 'tip_handler'] },
    'tips:reward_propose': { description: 'Propose a reward for a tip that led to an arrest', defaultRoles: ['administrator', 'tip_handler', 'command'] },
    'tips:reward_approve': { description: 'Decide rewards (the reward board)', defaultRoles: ['administrator', 'command'] },
    'tips:reward_pay': { description: 'Record the payout of an approved reward', defaultRoles: ['administrator', 'tip_handler'] },
    'tips:dashboard': { description: 'Tip dashboards and the map of tip locations', defaultRoles: ['administrator', 'command', 'tip_handler'] },
  },
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: tipRoutes,
  stats: tipStats,
  jobs: tipJobs,
  seedDemo: seedDemoTips,
});
