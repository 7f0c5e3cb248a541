import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/types.js';
import type { BridgesConfig } from '../../core/config.js';
import { SESSION_COOKIE, findSession, loadActor } from './session.js';
import './actor.js';

/**
 * Resolves the session cookie to request.actor on every API request. Installed on the root instance (not
 * an encapsulated plugin) so every route and program sees the same actor.
 */
export async function authPlugin(app: FastifyInstance, options: { db: Db; config: BridgesConfig }) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const session = await findSession(options.db, request.cookies[SESSION_COOKIE]);
    request.actor = session?.stage === 'active' ? await loadActor(options.db, session.user_id, request.ip) : null;
  });
}
// Like fastify-plugin: the hook and decorator apply to the whole app, not only inside this plugin.
Object.assign(authPlugin, { [Symbol.for('skip-override')]: true });
