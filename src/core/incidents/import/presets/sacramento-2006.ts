import { ncicRule } from './ncic.js';
import type { Preset } from './types.js';

/**
 * Sacramento PD, January 2006 (the SpatialKey sample): minute times "1/1/06 0:00" in America/Los_Angeles,
 * NCIC offense codes, district/beat/grid. No id column: source ids are a hash of the row plus an occurrence
 * counter, because the file holds some identical rows.
 */
export const sacramento2006: Preset = {
  name: 'sacramento-2006',
  description: 'Sacramento PD crime sample (M/D/YY H:mm, NCIC codes), America/Los_Angeles',
  sourceSystem: 'sacramento-pd-2006',
  columns: {
    occurred_at: 'cdatetime',
    address: 'address',
    offense_text: 'crimedescr',
    offense_code: 'ucr_ncic_code',
    lat: 'latitude',
    lon: 'longitude',
  },
  attributes: { district: 'district', beat: 'beat', grid: 'grid' },
  dateFormats: ['M/D/YY H:mm'],
  timeZone: 'America/Los_Angeles',
  crs: 'lonlat',
  category: ncicRule,
  sourceId: 'content',
};
