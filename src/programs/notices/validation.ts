import { z } from 'zod';

/** Text in English (required) and Spanish (required for public notices) plus any other language. */
export const localizedText = (max: number) =>
  z.object({ en: z.string().trim().min(1, 'English text is required').max(max), es: z.string().trim().min(1, 'Spanish text is required').max(max) })
    .catchall(z.string().trim().max(max));

export const noticeKind = z.enum(['alert', 'advisory', 'news']);
export const noticeStatus = z.enum(['draft', 'published', 'withdrawn']);

export const noticeInput = z.object({
  kind: noticeKind,
  title: localizedText(160),
  body: localizedText(4000),
  areaId: z.number().int().positive().nullable().optional(),
  status: noticeStatus.default('draft'),
  publishAt: z.coerce.date().optional(),
  expiresAt: z.coerce.date().nullable().optional(),
}).refine((n) => !n.expiresAt || !n.publishAt || n.expiresAt > n.publishAt, { message: 'expiresAt must be after publishAt', path: ['expiresAt'] });

export const noticePatch = z.object({
  kind: noticeKind.optional(),
  title: localizedText(160).optional(),
  body: localizedText(4000).optional(),
  areaId: z.number().int().positive().nullable().optional(),
  status: noticeStatus.optional(),
  publishAt: z.coerce.date().optional(),
  expiresAt: z.coerce.date().nullable().optional(),
});

export const noticeView = z.object({
  id: z.number(),
  kind: noticeKind,
  title: z.record(z.string(), z.string()),
  body: z.record(z.string(), z.string()),
  areaId: z.number().nullable(),
  areaName: z.string().nullable(),
  status: noticeStatus,
  publishAt: z.date(),
  expiresAt: z.date().nullable(),
  agencyName: z.string(),
  isDemo: z.boolean(),
});

export type NoticeInput = z.infer<typeof noticeInput>;
export type NoticePatch = z.infer<typeof noticePatch>;
export type NoticeView = z.infer<typeof noticeView>;
