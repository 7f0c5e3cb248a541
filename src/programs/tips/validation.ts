import { z } from 'zod';
import { languageField } from '../../core/languages.js';
import { MAX_PASSPHRASE_LENGTH } from './strength.js';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

const localized = z.record(z.string(), z.string());

/** A new tip from the public form. No field asks who the tipster is. */
export const tipInput = z.object({
  /** Agency slug; default: the first police agency. */
  agency: z.string().regex(/^[a-z0-9-]{2,60}$/).optional(),
  category: z.string().min(1).max(40),
  description: z.string().trim().min(10, 'Tell us a little more (at least 10 characters)').max(10_000),
  location: z.object({
    text: z.string().trim().max(300).optional(),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
  }).refine((l) => (l.lon === undefined) === (l.lat === undefined), { message: 'lon and lat go together', path: ['lon'] }).optional(),
  occurredAt: z.coerce.date().optional(),
  /** "Last Tuesday night", when the tipster has no exact time. */
  occurredText: z.string().trim().max(200).optional(),
  /** Any language the site has locale files for; messages written by the server fall back to English. */
  language: languageField().default('en'),
  /** A chosen passphrase; absent: one is generated. */
  passphrase: z.string().max(MAX_PASSPHRASE_LENGTH).optional(),
  /** Honeypot: hidden from people by the form, so only bots fill it in. */
  website: z.string().max(500).optional(),
});
export type TipInput = z.infer<typeof tipInput>;

export const tipReceipt = z.object({
  tipNumber: z.string(),
  /** The generated passphrase (shown once); null when the tipster chose one. */
  passphrase: z.string().nullable(),
  accessToken: z.string(),
  expiresAt: z.date(),
});

export const accessInput = z.object({
  tipNumber: z.string().min(1).max(40),
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH),
});
export const accessAnswer = z.object({ accessToken: z.string(), expiresAt: z.date() });

export const TIPSTER_MESSAGE_KINDS = ['info', 'answer', 'reward_question'] as const;
export const tipsterMessageInput = z.object({
  body: z.string().trim().min(1).max(5000),
  kind: z.enum(TIPSTER_MESSAGE_KINDS).default('info'),
});

export const tipsterView = z.object({
  tipNumber: z.string(),
  category: z.object({ code: z.string(), label: localized }),
  submittedOn: z.string(),
  status: z.object({ code: z.string(), label: localized }),
  channel: z.enum(['web', 'sms']),
  messages: z.array(z.object({
    id: z.number(),
    at: z.date(),
    from: z.enum(['you', 'department']),
    kind: z.string(),
    body: z.string(),
    question: z.boolean(),
  })),
  files: z.number(),
  reward: z.object({
    status: z.enum(['none', 'approved', 'paid']),
    amountCents: z.number().nullable(),
    collectionCode: z.string().nullable(),
  }),
});
export type TipsterView = z.infer<typeof tipsterView>;

export const publicOptions = z.object({
  agencies: z.array(z.object({ slug: z.string(), name: z.string(), centerLon: z.number(), centerLat: z.number() })),
  categories: z.array(z.object({ code: z.string(), label: localized })),
  passphrase: z.object({ minLength: z.number(), maxLength: z.number() }),
  maxBytes: z.object({ image: z.number(), video: z.number(), document: z.number() }),
  accepts: z.array(z.string()),
});

export const fileAnswer = z.object({ id: z.number(), kind: z.enum(['image', 'video', 'document']), mime: z.string(), bytes: z.number() });
