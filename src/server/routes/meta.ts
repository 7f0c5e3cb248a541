import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { availableLanguages } from '../../core/languages.js';
import { programs } from '../../programs/registry.js';
import { listCategories } from '../../core/incidents/categories.js';
import { publicSummary } from '../../core/incidents/public-summary.js';

const localized = z.record(z.string(), z.string());

/** What the web app needs before anyone signs in. */
export async function metaRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['meta'];

  app.get('/api/config', {
    schema: {
      tags, summary: 'Settings the web app needs',
      response: { 200: z.object({ demoMode: z.boolean(), tileUrl: z.string().optional(), tileAttribution: z.string().optional(), languages: z.array(z.string()) }) },
    },
  }, async () => ({ demoMode: ctx.config.demoMode, tileUrl: ctx.config.tileUrl, tileAttribution: ctx.config.tileAttribution, languages: [...availableLanguages()] }));

  app.get('/api/categories', {
    schema: {
      tags, summary: 'Offense categories with NIBRS groups',
      response: { 200: z.array(z.object({ code: z.string(), label: localized, nibrsGroup: z.string(), violent: z.boolean(), sensitive: z.boolean() })) },
    },
  }, async () => listCategories(ctx.db));

  app.get('/api/programs', {
    schema: { tags, summary: 'Registered programs', response: { 200: z.array(z.object({ id: z.string(), name: localized, summary: localized })) } },
  }, async () => programs.map((p) => ({ id: p.id, name: p.name, summary: p.summary })));

  app.get('/api/public/summary', {
    schema: { tags, summary: 'Citywide counts by category, latest 28 days against the 28 before (no locations)' },
  }, async () => publicSummary(ctx.db));
}
