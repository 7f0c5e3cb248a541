import type { CategoryRule } from './types.js';

/**
 * NCIC / California UCR offense codes (four digits; the first two are the offense group) → categories.
 * Groups settle most rows; the description refines the few groups that mix categories (assaults, vehicle
 * burglaries, attempted homicides, DUI among traffic offenses). Built from the Sacramento 2006 distribution.
 */
const GROUPS: Record<number, string> = {
  9: 'homicide', 10: 'kidnapping', 11: 'sexual_assault', 12: 'robbery', 13: 'aggravated_assault',
  16: 'simple_assault', // threats: NIBRS counts intimidation with the assaults
  20: 'arson', 21: 'other', 22: 'burglary', 23: 'larceny', 24: 'vehicle_theft',
  25: 'fraud', 26: 'fraud', 27: 'fraud', 28: 'other', 29: 'vandalism',
  35: 'drugs', 36: 'sex_offense', 37: 'sex_offense', 38: 'domestic_violence', 39: 'disorder',
  40: 'sex_offense', 41: 'disorder',
  48: 'warrant', 49: 'warrant', 50: 'warrant', // obstructing police or justice, escape, court orders, parole
  52: 'weapons', 53: 'disorder', 54: 'traffic', 55: 'other', 57: 'trespass',
  70: 'other', // information reports: towed vehicles, missing persons, casualty reports
  72: 'sex_offense', // lewd conduct
  73: 'disorder', // city-code public-order violations: drinking in public, camping, curfew, littering
  81: 'juvenile', 99: 'other',
};

const DOMESTIC = /SPOUS|COHAB|273\.5|DOMESTIC|\bDV\b/;
const AGGRAVATED = /245|AWDW|\bADW\b|\bINJ|GBI|MAYHEM|TORTURE|AGG/;
const SIMPLE_ASSAULT_CODES = new Set([1313, 1316]);
const FROM_VEHICLE = /CLOUT|AUTO PART|FROM VEH|LICENSE PLATE|LIC PLATE/;

/** Maps one code and description; non-numeric or empty codes are rejected as unknown offenses. */
export function ncicCategory(code: string, description: string): string | { reject: string } {
  const trimmed = code.trim();
  if (!/^\d{3,4}$/.test(trimmed)) {
    return { reject: trimmed === '' ? 'offense_code: unknown offense (empty code)' : `offense_code: unknown offense '${trimmed}' (not an NCIC code)` };
  }
  const value = Number(trimmed);
  const group = Math.floor(value / 100);
  const text = description.toUpperCase();
  switch (group) {
    case 9:
      return /ATTEMPT|664\//.test(text) ? 'aggravated_assault' : 'homicide';
    case 13:
      if (DOMESTIC.test(text)) return 'domestic_violence';
      if (AGGRAVATED.test(text)) return 'aggravated_assault';
      return SIMPLE_ASSAULT_CODES.has(value) ? 'simple_assault' : 'aggravated_assault';
    case 22:
      return /VEHICLE|\bVEH\b|\bAUTO\b/.test(text) ? 'theft_from_vehicle' : 'burglary';
    case 23:
      return FROM_VEHICLE.test(text) ? 'theft_from_vehicle' : 'larceny';
    case 36:
      return /SEXUAL BATTERY|243\.4/.test(text) ? 'sexual_assault' : 'sex_offense';
    case 54:
      return /\bDUI\b|2315[23]|DRINKING WHILE/.test(text) ? 'dui' : 'traffic';
    default:
      return GROUPS[group] ?? 'other';
  }
}

/** The rule form presets use: code from offense_code, description from offense_text. */
export const ncicRule: CategoryRule = ({ offenseCode, offenseText }) => ncicCategory(offenseCode, offenseText);
