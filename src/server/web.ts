import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built single-page app; unknown non-API paths get index.html so client routes deep-link. */
export async function webRoutes(app: FastifyInstance, options: { root: string }) {
  if (!existsSync(join(options.root, 'index.html'))) {
    throw new Error(`The web app is not built (no ${options.root}/index.html). Run "npm run build".`);
  }
  await app.register(fastifyStatic, { root: options.root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` } });
  });
}
