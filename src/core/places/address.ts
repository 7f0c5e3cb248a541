/**
 * Street addresses as residents type them and as incident records publish them ("1500 BLOCK N 52ND ST"),
 * reduced to one comparable form: a house number (or block) and a street of directional + name + suffix,
 * with the usual abbreviations (North → N, Street → ST, Avenue → AVE, Fifth → 5, 52nd → 52).
 *
 * Corners ("52nd & Market", "N 52nd St and W Girard Ave", "52 y Market") are read as two streets by
 * {@link parseCorner}. Out of scope on purpose: place names ("City Hall"), PO boxes and addresses without a
 * house number — they name neither a block nor a corner.
 */

export interface Street {
  /** Pre- (or post-) directional: N, S, E, W, NE, NW, SE, SW, or '' when none. */
  dir: string;
  /** The name in upper case, ordinals as bare numbers ("52"), spelled ordinals as digits ("FIFTH" → "5"). */
  name: string;
  /** Street type abbreviation (ST, AVE, RD…), or '' when none was given. */
  suffix: string;
}

export interface ParsedAddress {
  number: number;
  /** floor(number / 100) * 100 */
  block: number;
  street: Street;
}

/** 'intersection': text that looks like a corner but whose two streets cannot both be read. */
export type AddressProblem = 'empty' | 'no-number' | 'intersection' | 'no-street';
export type AddressParse = { ok: true; address: ParsedAddress } | { ok: false; problem: AddressProblem };

/** The words and signs that join the two streets of a corner (English and Spanish). */
const CORNER_JOIN = /\s+(?:&|AND|Y|AT|@|\/)\s+|\s*[&@/]\s*/;

const DIRECTIONS: Record<string, string> = {
  N: 'N', NORTH: 'N', S: 'S', SOUTH: 'S', E: 'E', EAST: 'E', W: 'W', WEST: 'W',
  NE: 'NE', NORTHEAST: 'NE', NW: 'NW', NORTHWEST: 'NW', SE: 'SE', SOUTHEAST: 'SE', SW: 'SW', SOUTHWEST: 'SW',
  NORTE: 'N', SUR: 'S', ESTE: 'E', OESTE: 'W',
};

/** USPS street suffix abbreviations (the common ones) and the variants seen in police records. */
const SUFFIXES: Record<string, string> = {
  ST: 'ST', STR: 'ST', STREET: 'ST', STS: 'ST', AVE: 'AVE', AV: 'AVE', AVENUE: 'AVE', AVN: 'AVE', RD: 'RD', ROAD: 'RD',
  BLVD: 'BLVD', BOULEVARD: 'BLVD', BL: 'BLVD', DR: 'DR', DRIVE: 'DR', LN: 'LN', LANE: 'LN', LA: 'LN', PL: 'PL', PLACE: 'PL',
  CT: 'CT', COURT: 'CT', TER: 'TER', TERR: 'TER', TERRACE: 'TER', PKWY: 'PKWY', PARKWAY: 'PKWY', PKY: 'PKWY',
  HWY: 'HWY', HIGHWAY: 'HWY', CIR: 'CIR', CIRCLE: 'CIR', SQ: 'SQ', SQUARE: 'SQ', WAY: 'WAY', WY: 'WAY', ALY: 'ALY', ALLEY: 'ALY',
  PIKE: 'PIKE', PK: 'PIKE', EXPY: 'EXPY', EXPRESSWAY: 'EXPY', WALK: 'WALK', ROW: 'ROW', PLZ: 'PLZ', PLAZA: 'PLZ',
  CRES: 'CRES', CRESCENT: 'CRES', LOOP: 'LOOP', TRL: 'TRL', TRAIL: 'TRL', XING: 'XING', CROSSING: 'XING',
};

const SPELLED_ORDINALS: Record<string, string> = {
  FIRST: '1', SECOND: '2', THIRD: '3', FOURTH: '4', FIFTH: '5', SIXTH: '6', SEVENTH: '7', EIGHTH: '8', NINTH: '9', TENTH: '10',
  ELEVENTH: '11', TWELFTH: '12', THIRTEENTH: '13', FOURTEENTH: '14', FIFTEENTH: '15', SIXTEENTH: '16', SEVENTEENTH: '17',
  EIGHTEENTH: '18', NINETEENTH: '19', TWENTIETH: '20',
};

/** Words that start a unit or floor designation: everything from them on is dropped. */
const UNIT_WORDS = new Set(['APT', 'APARTMENT', 'UNIT', 'STE', 'SUITE', 'FL', 'FLOOR', 'FLR', 'RM', 'ROOM', 'REAR', 'BSMT', 'BASEMENT', 'LOT', 'BLDG', 'DEPTO']);

function clean(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[.'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits "N2ND" into "N 2ND" (records glue the directional to a numbered street). */
function splitGlued(token: string): string[] {
  const glued = /^(N|S|E|W)(\d+(?:ST|ND|RD|TH)?)$/.exec(token);
  return glued ? [glued[1], glued[2]] : [token];
}

const nameToken = (token: string) => {
  const ordinal = /^0*(\d+)(?:ST|ND|RD|TH)?$/.exec(token);
  if (ordinal) return ordinal[1];
  return SPELLED_ORDINALS[token] ?? token;
};

/** Reads a street from its words: "NORTH 52ND STREET" → { dir: 'N', name: '52', suffix: 'ST' }. */
export function parseStreet(text: string): Street | null {
  let tokens = clean(text).replace(/[^A-Z0-9 ]/g, ' ').split(' ').filter(Boolean).flatMap(splitGlued);
  const unit = tokens.findIndex((t, i) => i > 0 && UNIT_WORDS.has(t));
  if (unit > 0) tokens = tokens.slice(0, unit);
  if (tokens.length === 0) return null;
  let dir = '';
  let suffix = '';
  // A leading directional is one only when a name follows it ("N ST" is N Street; "N BROAD ST" is Broad).
  if (tokens.length >= 2 && DIRECTIONS[tokens[0]] && !(tokens.length === 2 && SUFFIXES[tokens[1]])) {
    dir = DIRECTIONS[tokens[0]];
    tokens = tokens.slice(1);
  }
  // A trailing directional after the suffix ("MAIN ST N").
  if (!dir && tokens.length >= 3 && DIRECTIONS[tokens[tokens.length - 1]] && SUFFIXES[tokens[tokens.length - 2]]) {
    dir = DIRECTIONS[tokens[tokens.length - 1]];
    tokens = tokens.slice(0, -1);
  }
  if (tokens.length >= 2 && SUFFIXES[tokens[tokens.length - 1]]) {
    suffix = SUFFIXES[tokens[tokens.length - 1]];
    tokens = tokens.slice(0, -1);
  }
  const name = tokens.map(nameToken).join(' ');
  return name ? { dir, name, suffix } : null;
}

/**
 * Reads a resident's address: "1523 N 52nd St", "1523 north 52nd street, Philadelphia, PA 19131",
 * "1523-25 N. 52nd St Apt 2". The city, state and ZIP after the first comma are ignored.
 */
export function parseAddress(input: string): AddressParse {
  const text = clean(input).split(',')[0].replace(/\s#.*$/, '').replace(/^(\d+)\s+1\/2\s/, '$1 ').trim();
  if (!text) return { ok: false, problem: 'empty' };
  if (CORNER_JOIN.test(text)) return { ok: false, problem: 'intersection' };
  // House number, optionally with a letter, a half or a range ("1523A", "1523 1/2" was cut at "/", "1523-25").
  const match = /^(\d{1,6})[A-Z]?(?:\s*-\s*\d{1,6}[A-Z]?)?\s+(.+)$/.exec(text);
  if (!match) return { ok: false, problem: /^\d+$/.test(text) ? 'no-street' : 'no-number' };
  const street = parseStreet(match[2]);
  if (!street) return { ok: false, problem: 'no-street' };
  const number = Number(match[1]);
  return { ok: true, address: { number, block: Math.floor(number / 100) * 100, street } };
}

/**
 * Reads a street corner as residents type it and as records publish it: "52nd & Market", "N 52ND ST & W GIRARD
 * AVE", "52nd St and Market St, Philadelphia", "Calle 5 y Main". Both streets must be readable and differ;
 * a house number before either street is ignored ("1500 N 52nd St & Girard" is still that corner).
 */
export function parseCorner(input: string): [Street, Street] | null {
  const text = clean(input).split(',')[0].trim();
  const parts = text.split(CORNER_JOIN).map((p) => p.trim()).filter(Boolean);
  if (parts.length !== 2) return null;
  const streets = parts.map((p) => parseStreet(p.replace(/^\d{1,6}[A-Z]?\s+(?=\D)/, '')));
  const [a, b] = streets;
  if (!a || !b || (a.name === b.name && a.dir === b.dir)) return null;
  return [a, b];
}

/**
 * Reads a published hundred block: "1500 BLOCK N 52ND ST", "300 Block of Glen Echo Rd". Intersections and
 * anything without a block number give null.
 */
export function parseHundredBlock(text: string): { block: number; street: Street } | null {
  const match = /^\s*(\d{1,6})\s+BLOCK\s+(?:OF\s+)?(.+)$/i.exec(text);
  if (!match || /[&/@]|\sAND\s/i.test(match[2])) return null;
  const street = parseStreet(match[2]);
  return street ? { block: Math.floor(Number(match[1]) / 100) * 100, street } : null;
}

/** "N 52 ST" → "N 52ND ST" for display. */
export function formatStreet(street: Street): string {
  const name = street.name.replace(/^(\d+)$/, (n) => `${n}${ordinalSuffix(Number(n))}`);
  return [street.dir, name, street.suffix].filter(Boolean).join(' ');
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'TH';
  return ['TH', 'ST', 'ND', 'RD'][n % 10] ?? 'TH';
}
