import type { Preset } from './types.js';

/**
 * Chicago residential burglaries 2014–2017 as redistributed by the Crime Open Database / NearRepeat: x/y in
 * EPSG:26971 metres and a date without time (dd/mm/yyyy), so time_precision is 'day'. The file has no id
 * column: source ids are a hash of the row plus an occurrence counter (identical rows stay distinct).
 */
export const chicagoBurglary: Preset = {
  name: 'chicago-burglary',
  description: 'Chicago residential burglary 2014–2017 (x/y EPSG:26971, DD/MM/YYYY dates only), America/Chicago',
  sourceSystem: 'chicago-burglary-2014-2017',
  columns: { x: 'x', y: 'y', occurred_at: 'date_single' },
  dateFormats: ['DD/MM/YYYY'],
  timeZone: 'America/Chicago',
  crs: 'EPSG:26971',
  category: 'burglary',
  offenseText: () => 'Residential burglary',
  sourceId: 'content',
};
