import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramRouteContext } from '../../core/program/define.js';
import { AppError, badRequest } from '../../core/errors.js';
import { importIncidents, listImportRuns } from '../../core/incidents/import/index.js';
import { actorForAudit } from '../auth/actor.js';

/** Uploads are streamed to disk, never held in memory; this caps the disk they may take. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

// Body type → file extension, which selects the reader (CSV, GeoJSON FeatureCollection, one Feature a line).
const UPLOAD_TYPES: Record<string, string> = {
  'text/csv': 'csv', 'application/csv': 'csv', 'application/geo+json': 'geojson', 'application/x-ndjson': 'ndjson',
};

const importQuery = z.object({
  preset: z.string().max(60).optional(),
  map: z.union([z.string(), z.array(z.string())]).optional().describe('COLUMN=FIELD, repeatable'),
  dateFormat: z.string().max(60).optional(),
  timeZone: z.string().max(60).optional(),
  crs: z.string().max(500).optional(),
  sourceSystem: z.string().max(80).optional(),
  category: z.string().max(40).optional(),
  encoding: z.enum(['utf8', 'latin1']).optional(),
  fileName: z.string().max(200).optional().describe('shown in the import history'),
});

const summarySchema = z.object({
  runId: z.number(), read: z.number(), inserted: z.number(), updated: z.number(), unchanged: z.number(),
  rejected: z.number(), merged: z.number(), rejects: z.array(z.object({ line: z.number(), reason: z.string() })),
});

const runSchema = z.object({
  id: z.number(), kind: z.enum(['incidents', 'areas']), fileName: z.string(), preset: z.string().nullable(), startedBy: z.number().nullable(),
  startedAt: z.date(), finishedAt: z.date().nullable(), status: z.enum(['running', 'completed', 'failed']), read: z.number(),
  inserted: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number(), error: z.string().nullable(),
});

function toMapping(map: string | string[] | undefined): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const entry of map === undefined ? [] : Array.isArray(map) ? map : [map]) {
    const at = entry.lastIndexOf('=');
    if (at <= 0 || at === entry.length - 1) throw badRequest(`query.map: "${entry}" must be COLUMN=FIELD`);
    mapping[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  return mapping;
}

/** Counts bytes on their way to disk and stops the upload past the limit. */
const byteLimit = (limit: number) => {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new AppError(413, 'too_large', `the upload is larger than ${limit / 1024 / 1024} MiB`));
      else callback(null, chunk);
    },
  });
};

// Database errors carry a five-character SQLSTATE; anything else from the importer is about the file or flags.
const isDatabaseError = (error: unknown) => typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);

/** POST /api/imports/incidents (a CSV or GeoJSON body, streamed) and GET /api/imports (the agency's runs). */
export async function importRoutes(scope: FastifyInstance, ctx: ProgramRouteContext) {
  // The body stays a stream here; the handler writes it to a temporary file with its own size limit.
  scope.addContentTypeParser(Object.keys(UPLOAD_TYPES), (_request, payload, done) => done(null, payload));
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const canImport = ctx.requirePermission('incidents:import');
  const tags = ['imports'];

  app.post('/api/imports/incidents', {
    preHandler: canImport,
    schema: {
      tags, summary: "Import incidents into the actor's agency from a CSV (text/csv) or GeoJSON body", querystring: importQuery,
      response: { 200: summarySchema },
    },
  }, async (request) => {
    const actor = request.actor!;
    const extension = UPLOAD_TYPES[(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()];
    if (!extension || !request.body) throw badRequest(`send the file as the body with Content-Type ${Object.keys(UPLOAD_TYPES).join(', ')}`);
    const mapping = toMapping(request.query.map);
    const dir = mkdtempSync(join(tmpdir(), 'bridges-upload-'));
    try {
      const file = join(dir, `upload.${extension}`);
      await pipeline(request.body as NodeJS.ReadableStream, byteLimit(MAX_UPLOAD_BYTES), createWriteStream(file));
      const { fileName, map: _map, ...flags } = request.query;
      const summary = await importIncidents({
        db: ctx.db, agencyId: actor.agencyId, file, fileName: fileName ?? `upload.${extension}`, mapping, ...flags,
        rejectsPath: join(dir, 'rejects.csv'), actor: actorForAudit(actor), startedBy: actor.userId,
        // Each committed batch is announced: a recent shooting in the file opens a walk and raises the alert.
        events: ctx.events,
      }).catch((error: unknown) => {
        if (error instanceof AppError || isDatabaseError(error)) throw error;
        throw badRequest(error instanceof Error ? error.message : String(error));
      });
      const { runId, read, inserted, updated, unchanged, rejected, merged, rejects } = summary;
      return { runId, read, inserted, updated, unchanged, rejected, merged, rejects };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/imports', {
    preHandler: canImport,
    schema: { tags, summary: "The agency's recent import runs, newest first", response: { 200: z.array(runSchema) } },
  }, async (request) => listImportRuns(ctx.db, request.actor!.agencyId));
}
