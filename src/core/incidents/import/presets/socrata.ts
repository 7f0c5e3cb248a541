import type { CategoryRule, Preset } from './types.js';

/**
 * Chicago's primary types → categories. BATTERY, ASSAULT and THEFT are refined from the description and the
 * domestic flag below.
 */
const PRIMARY_TYPES: Record<string, string> = {
  'ARSON': 'arson',
  'ASSAULT': 'simple_assault',
  'BATTERY': 'simple_assault',
  'BURGLARY': 'burglary',
  'CONCEALED CARRY LICENSE VIOLATION': 'weapons',
  'CRIM SEXUAL ASSAULT': 'sexual_assault',
  'CRIMINAL SEXUAL ASSAULT': 'sexual_assault',
  'CRIMINAL DAMAGE': 'vandalism',
  'CRIMINAL TRESPASS': 'trespass',
  'DECEPTIVE PRACTICE': 'fraud',
  'GAMBLING': 'disorder',
  'HOMICIDE': 'homicide',
  'HUMAN TRAFFICKING': 'kidnapping',
  'INTERFERENCE WITH PUBLIC OFFICER': 'warrant',
  'INTIMIDATION': 'simple_assault',
  'KIDNAPPING': 'kidnapping',
  'LIQUOR LAW VIOLATION': 'disorder',
  'MOTOR VEHICLE THEFT': 'vehicle_theft',
  'NARCOTICS': 'drugs',
  'OTHER NARCOTIC VIOLATION': 'drugs',
  'NON-CRIMINAL': 'other',
  'NON - CRIMINAL': 'other',
  'NON-CRIMINAL (SUBJECT SPECIFIED)': 'other',
  'OBSCENITY': 'sex_offense',
  'OFFENSE INVOLVING CHILDREN': 'domestic_violence',
  'OTHER OFFENSE': 'other',
  'PROSTITUTION': 'sex_offense',
  'PUBLIC INDECENCY': 'sex_offense',
  'PUBLIC PEACE VIOLATION': 'disorder',
  'RITUALISM': 'other',
  'ROBBERY': 'robbery',
  'SEX OFFENSE': 'sex_offense',
  'STALKING': 'simple_assault',
  'THEFT': 'larceny',
  'WEAPONS VIOLATION': 'weapons',
};

const isTrue = (value: string) => /^(true|t|y|yes|1)$/i.test(value.trim());

const socrataCategory: CategoryRule = ({ row }) => {
  const type = row('primary_type').trim().toUpperCase();
  const description = row('description').toUpperCase();
  const category = PRIMARY_TYPES[type];
  if (!category) return { reject: type ? `offense_text: unknown offense type '${type}'` : 'offense_text: unknown offense (empty primary_type)' };
  if (type === 'BATTERY' || type === 'ASSAULT') {
    if (isTrue(row('domestic')) || description.includes('DOMESTIC')) return 'domestic_violence';
    if (description.includes('AGGRAVATED') || description.includes('AGG ')) return 'aggravated_assault';
  }
  if (type === 'THEFT' && description.includes('FROM MOTOR VEHICLE')) return 'theft_from_vehicle';
  return category;
};

/**
 * Socrata open-data crime exports in the City of Chicago "Crimes - 2001 to present" layout, the most common
 * one: id, case_number, date, block, iucr, primary_type, description, latitude, longitude (plus beat,
 * district, ward… kept as attributes). Works with API exports (snake_case headers, ISO floating timestamps
 * "2015-01-01T00:00:00.000") and website exports ("Case Number", "01/01/2015 12:00:00 AM"). Socrata
 * timestamps carry no zone, so --time-zone is required.
 */
export const socrata: Preset = {
  name: 'socrata',
  description: 'Socrata crime export, Chicago "Crimes - 2001 to present" columns (needs --time-zone)',
  sourceSystem: 'socrata',
  columns: {
    source_id: 'id',
    occurred_at: 'date',
    address: 'block',
    offense_code: 'iucr',
    lat: 'latitude',
    lon: 'longitude',
  },
  attributes: {
    case_number: 'case_number',
    location_description: 'location_description',
    arrest: 'arrest',
    domestic: 'domestic',
    beat: 'beat',
    district: 'district',
    ward: 'ward',
    community_area: 'community_area',
    fbi_code: 'fbi_code',
  },
  dateFormats: ['iso', 'MM/DD/YYYY hh:mm:ss A'],
  crs: 'lonlat',
  category: socrataCategory,
  offenseText: (_code, row) => [row('primary_type'), row('description')].filter((v) => v.trim() !== '').join(': ') || null,
};
