import type { AreaCollection } from '../../api/client.js';

/** Area kinds from the largest to the smallest (as in src/core/places), for grouping and picking outlines. */
export const AREA_KIND_ORDER = ['city', 'district', 'beat', 'neighborhood', 'crt_zone', 'sco_post', 'custom'] as const;

// Outlines drawn under incidents by default: one layer of mid-sized areas reads better than every kind at once.
const OUTLINE_PREFERENCE = ['district', 'beat', 'neighborhood', 'crt_zone', 'sco_post', 'custom', 'city'];

/** The areas to outline: the chosen one when the list is filtered to an area, else one kind of area. */
export function outlineAreas(areas: AreaCollection | undefined, selectedId?: number): AreaCollection | undefined {
  if (!areas) return undefined;
  if (selectedId) return { ...areas, features: areas.features.filter((f) => f.properties.id === selectedId) };
  const kinds = new Set(areas.features.map((f) => f.properties.kind));
  const kind = OUTLINE_PREFERENCE.find((k) => kinds.has(k));
  return kind ? { ...areas, features: areas.features.filter((f) => f.properties.kind === kind) } : areas;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** "District 2" before "District 12": names compared the way people read numbers in them. */
export function byAreaName(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name);
}
