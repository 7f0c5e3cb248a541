import type { Preset } from './types.js';

// Philadelphia's UCR general groups of the codes that occur in the shootings file (the hundreds digit(s)).
const UCR_GROUPS: Record<string, string> = {
  '1': 'Homicide',
  '3': 'Robbery',
  '4': 'Aggravated assault',
  '15': 'Weapon violation',
};

/**
 * OpenDataPhilly "Shooting Victims": one row per victim, dc_key = the incident. Rows of one dc_key become one
 * incident with victim_count and fatal_count; the category is homicide when any victim died, else shooting.
 * Victim age, race, sex and wound are never read.
 */
export const philadelphiaShootings: Preset = {
  name: 'philadelphia-shootings',
  description: 'OpenDataPhilly shooting victims (one row per victim, merged by dc_key), America/New_York',
  sourceSystem: 'opendataphilly-shootings',
  columns: {
    source_id: 'dc_key',
    offense_code: 'code',
    occurred_at: 'date_',
    time: 'time',
    address: 'location',
    lon: 'lng',
    lat: 'lat',
  },
  attributes: {
    district: 'dist',
    officer_involved: 'officer_involved',
    offender_injured: 'offender_injured',
    offender_deceased: 'offender_deceased',
    inside: 'inside',
  },
  // date_ is published as "2021-08-01 00:00:00+00" but is the local date; the local time is in `time`.
  dateFormats: ['YYYY-MM-DD HH:mm:ss'],
  timeZone: 'America/New_York',
  crs: 'lonlat',
  clean: {
    // dc_key comes through a float column: "202115056366.0".
    source_id: (value) => value.replace(/\.0+$/, ''),
    occurred_at: (value) => value.slice(0, 10),
  },
  category: ({ row }) => (row('fatal') === '1' ? 'homicide' : 'shooting'),
  offenseText: (code) => {
    if (!/^\d{3,4}$/.test(code)) return null;
    return UCR_GROUPS[code.slice(0, code.length - 2)] ?? null;
  },
  victims: { fatal: (row) => row('fatal') === '1' },
};
