import { z } from 'zod';
import { languageField } from '../../core/languages.js';

/** "services.json" → format json. The specification's two formats; anything else is a 404. */
export const formatParam = z.enum(['json', 'xml']);

const number = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number().finite());

/**
 * POST requests: form fields (or JSON). Contact fields Open311 allows (email, phone, first_name, last_name,
 * device_id, account_id) are accepted and ignored: they are not part of this object, so they are never stored.
 */
export const requestInput = z.object({
  jurisdiction_id: z.string().max(60).optional(),
  service_code: z.string().min(1).max(60),
  lat: number.pipe(z.number().min(-90).max(90)).optional(),
  long: number.pipe(z.number().min(-180).max(180)).optional(),
  address_string: z.string().trim().max(300).optional(),
  zipcode: z.string().trim().max(20).optional(),
  description: z.string().trim().max(4000).optional(),
  media_url: z.string().url().max(1000).optional(),
});

export const requestsQuery = z.object({
  service_request_id: z.string().regex(/^\d+(,\d+)*$/).optional(),
  service_code: z.string().max(500).optional(),
  status: z.enum(['open', 'closed']).optional(),
  start_date: z.coerce.date().optional(),
  end_date: z.coerce.date().optional(),
  jurisdiction_id: z.string().max(60).optional(),
  locale: languageField().optional(),
});

export const staffUpdate = z.object({ status: z.enum(['open', 'closed']), statusNotes: z.string().trim().max(2000).optional() });
