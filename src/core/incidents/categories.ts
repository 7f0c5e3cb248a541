import type { Queryable } from '../../db/types.js';

export interface Category {
  code: string;
  label: { en: string; es: string };
  nibrsGroup: 'person' | 'property' | 'society' | 'other';
  violent: boolean;
  sensitive: boolean;
}

export async function listCategories(q: Queryable): Promise<Category[]> {
  const rows = await q.query<{ code: string; label_en: string; label_es: string; nibrs_group: Category['nibrsGroup']; violent: boolean; sensitive: boolean }>(
    'SELECT code, label_en, label_es, nibrs_group, violent, sensitive FROM offense_categories ORDER BY severity');
  return rows.map((r) => ({ code: r.code, label: { en: r.label_en, es: r.label_es }, nibrsGroup: r.nibrs_group, violent: r.violent, sensitive: r.sensitive }));
}
