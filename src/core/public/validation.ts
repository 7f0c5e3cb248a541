/** Query parameters of the public data endpoints: every message names its parameter. */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date');

const categoryList = z.string().max(600)
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .describe('comma-separated category codes (GET /api/categories)');

export const agencyParam = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be an agency slug').optional()
  .describe('police agency slug (GET /api/public/agencies); the first agency with records when absent');

export const publicIncidentQuery = z.object({
  agency: agencyParam,
  from: day.optional().describe('first day, agency-local, inclusive'),
  to: day.optional().describe('last day, agency-local, inclusive'),
  category: categoryList.optional(),
  area: z.coerce.number().int().positive().optional().describe('neighborhood or district id (GET /api/public/areas)'),
  format: z.enum(['geojson', 'csv']).default('geojson'),
});

export const publicTrendQuery = z.object({
  agency: agencyParam,
  category: categoryList.optional(),
  area: z.coerce.number().int().positive().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

export const publicAreaQuery = z.object({
  agency: agencyParam,
  kind: z.enum(['neighborhood', 'district']).default('neighborhood'),
});

export const publicResultsQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

const localized = z.record(z.string(), z.string());

export const publicAgencyView = z.object({
  slug: z.string(), name: z.string(), timeZone: z.string(), centerLon: z.number(), centerLat: z.number(),
  dataStart: z.string().nullable(), dataEnd: z.string().nullable(),
});

export const programResultsView = z.object({
  id: z.string(), name: localized, summary: localized,
  stats: z.array(z.object({ key: z.string(), label: localized, value: z.number() })),
});

export const openDataView = z.object({
  datasets: z.array(z.object({
    id: z.string(), title: localized, description: localized, programId: z.string().optional(),
    formats: z.object({ csv: z.string().optional(), geojson: z.string().optional(), json: z.string().optional() }),
  })),
  openApi: z.string(),
  apiDocs: z.string(),
});

const series = z.object({
  code: z.string(), label: localized, thisYear: z.array(z.number().nullable()), lastYear: z.array(z.number()),
  ytdThisYear: z.number(), ytdLastYear: z.number(),
});

export const trendsView = z.object({
  agency: z.object({ slug: z.string(), name: z.string() }),
  year: z.number(), lastYear: z.number(), through: z.string(), throughWeek: z.number(),
  categories: z.array(series), total: series,
});
