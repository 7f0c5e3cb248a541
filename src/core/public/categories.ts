import type { Queryable } from '../../db/types.js';
import { badRequest } from '../errors.js';

export interface PublicCategory {
  code: string;
  label: { en: string; es: string };
  sensitive: boolean;
  violent: boolean;
}

/** Categories by code, with the sensitive flag that decides how an incident may be shown. */
export async function categoryMap(q: Queryable): Promise<Map<string, PublicCategory>> {
  const rows = await q.query<{ code: string; label_en: string; label_es: string; sensitive: boolean; violent: boolean }>(
    'SELECT code, label_en, label_es, sensitive, violent FROM offense_categories ORDER BY severity');
  return new Map(rows.map((r) => [r.code, { code: r.code, label: { en: r.label_en, es: r.label_es }, sensitive: r.sensitive, violent: r.violent }]));
}

/** Checks requested category codes, naming the unknown one (a typo should not silently empty the map). */
export function checkCategories(categories: Map<string, PublicCategory>, requested: readonly string[] | undefined): string[] | undefined {
  if (!requested?.length) return undefined;
  for (const code of requested) {
    if (!categories.has(code)) throw badRequest(`querystring.category: "${code}" is not a category (see /api/categories)`, { field: 'querystring.category' });
  }
  return [...requested];
}
