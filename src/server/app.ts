import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Db } from '../db/types.js';
import type { BridgesConfig } from '../core/config.js';
import { programs } from '../programs/registry.js';
import { errorHandler, rateLimited } from './errors.js';
import { authPlugin } from './auth/plugin.js';
import { permissionGuard } from './auth/guard.js';
import { coreRoutes } from './routes/index.js';
import { webRoutes } from './web.js';
import { contentSecurityPolicy } from './security.js';
import type { EventBus } from '../core/events/bus.js';
import { programEventBus } from '../programs/bus.js';

export interface AppOptions {
  db: Db;
  config: BridgesConfig;
  /** Folder of the built web app (dist/web); omitted in API-only tests. */
  webRoot?: string;
  /** Request logging; request lines never carry IP addresses, user agents or query strings. */
  logger?: boolean;
  /** Event bus shared with the CLI or tests; a new one with every program subscribed when omitted. */
  events?: EventBus;
}

/** Assembles the HTTP server: security, docs, core routes, every registered program, the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    logger: options.logger
      ? {
          level: 'info',
          // Only method and path: a tipster's address or phone must never reach a log line.
          serializers: {
            req: (req) => ({ method: req.method, path: req.url.split('?')[0] }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(config) } });
  await app.register(cookie);
  // In-memory counters keyed by address: nothing of the address is written anywhere.
  // Every limit (this global one and the routes' own) answers 429 in the common error body, with a code the web
  // client translates and the wait in seconds.
  // The web app's own files (scripts, styles, map sprites, the page itself) are not counted: one page load
  // fetches dozens of them, and a resident on a shared address (a library, a phone carrier) must not be cut off.
  await app.register(rateLimit, {
    global: true,
    max: 600,
    timeWindow: '1 minute',
    errorResponseBuilder: rateLimited,
    allowList: (request) => !request.url.startsWith('/api/'),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Bridges API', version: '0.1.0', description: 'Community policing partnership platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bridges_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { db, config });
  const requirePermission = permissionGuard(db);
  const events = options.events ?? programEventBus((event, error) => app.log.error({ event, err: String(error) }, 'event handler failed'));
  const ctx = { db, config, events, requirePermission };
  await app.register(coreRoutes, ctx);
  for (const program of programs) {
    if (!program.routes) continue;
    await app.register(async (scope) => program.routes!(scope, ctx), {
      prefix: `/api/programs/${program.id}`,
    });
  }
  if (options.webRoot) await app.register(webRoutes, { root: options.webRoot });
  return app;
}
