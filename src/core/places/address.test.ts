import { describe, expect, it } from 'vitest';
import { formatStreet, parseAddress, parseCorner, parseHundredBlock, parseStreet } from './address.js';
import { estimateOnStreet } from './gazetteer.js';

const street = (dir: string, name: string, suffix: string) => ({ dir, name, suffix });

describe('reading a resident\'s address', () => {
  it('reduces spellings of one address to the same house number, block and street', () => {
    const expected = { number: 1523, block: 1500, street: street('N', '52', 'ST') };
    for (const text of ['1523 N 52nd St', '1523 north 52nd street', '1523 N. 52ND ST.', '  1523   North  52nd   St', '1523 N 52 St, Philadelphia, PA 19131',
      '1523 N 52nd St Apt 2', '1523 N 52nd St #3F', '1523-25 N 52nd St', '1523A N 52nd St', '1523 1/2 N 52nd St']) {
      expect(parseAddress(text), text).toEqual({ ok: true, address: expected });
    }
  });

  it('abbreviates suffixes and directionals, and reads spelled ordinals', () => {
    expect(parseStreet('West Girard Avenue')).toEqual(street('W', 'GIRARD', 'AVE'));
    expect(parseStreet('W GIRARD AV')).toEqual(street('W', 'GIRARD', 'AVE'));
    expect(parseStreet('Roosevelt Boulevard')).toEqual(street('', 'ROOSEVELT', 'BLVD'));
    expect(parseStreet('Haddington Lane')).toEqual(street('', 'HADDINGTON', 'LN'));
    expect(parseStreet('South Fifth Street')).toEqual(street('S', '5', 'ST'));
    expect(parseStreet('N2nd St')).toEqual(street('N', '2', 'ST'));
    expect(parseStreet('Main St North')).toEqual(street('N', 'MAIN', 'ST'));
    expect(parseStreet('Germantown')).toEqual(street('', 'GERMANTOWN', ''));
    expect(parseStreet('Olney Avenue (rear)')).toEqual(street('', 'OLNEY', 'AVE'));
  });

  it('keeps a directional that is the street\'s name ("N St", "North St")', () => {
    expect(parseStreet('N St')).toEqual(street('', 'N', 'ST'));
    expect(parseStreet('North Street')).toEqual(street('', 'NORTH', 'ST'));
    expect(parseAddress('2400 N St').ok && parseAddress('2400 N St')).toMatchObject({ address: { block: 2400, street: street('', 'N', 'ST') } });
  });

  it('says why an address cannot be placed on a block', () => {
    expect(parseAddress('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseAddress('52nd & Market')).toEqual({ ok: false, problem: 'intersection' });
    expect(parseAddress('52nd and Market St')).toEqual({ ok: false, problem: 'intersection' });
    expect(parseAddress('N 52nd St')).toEqual({ ok: false, problem: 'no-number' });
    expect(parseAddress('City Hall')).toEqual({ ok: false, problem: 'no-number' });
    expect(parseAddress('1523')).toEqual({ ok: false, problem: 'no-street' });
  });
});

describe('street corners', () => {
  it('reads a corner typed by a resident or published by a record as two streets', () => {
    const corner = [street('', '52', ''), street('', 'MARKET', '')];
    expect(parseCorner('52nd & Market')).toEqual(corner);
    expect(parseCorner('52nd and market')).toEqual(corner);
    expect(parseCorner('52 y Market')).toEqual(corner);
    expect(parseCorner('52nd/Market, Philadelphia PA')).toEqual(corner);
    expect(parseCorner('52nd @ Market')).toEqual(corner);
    expect(parseCorner('N 20TH ST & W MONTGOMERY AV')).toEqual([street('N', '20', 'ST'), street('W', 'MONTGOMERY', 'AVE')]);
    expect(parseCorner('BAYNTON ST  /  E PASTORIUS ST')).toEqual([street('', 'BAYNTON', 'ST'), street('E', 'PASTORIUS', 'ST')]);
    expect(parseCorner('1500 N 52nd St & Girard Ave')).toEqual([street('N', '52', 'ST'), street('', 'GIRARD', 'AVE')]);
  });

  it('refuses what is not two different readable streets', () => {
    expect(parseCorner('52nd St')).toBeNull();
    expect(parseCorner('52nd & 52nd')).toBeNull();
    expect(parseCorner('52nd & Market & Walnut')).toBeNull();
    expect(parseCorner('& Market')).toBeNull();
  });
});

describe('published hundred blocks', () => {
  it('reads the forms police records use, and agrees with the resident\'s spelling', () => {
    expect(parseHundredBlock('1500 BLOCK N 52ND ST')).toEqual({ block: 1500, street: street('N', '52', 'ST') });
    expect(parseHundredBlock('1500 Block N 52nd Street')).toEqual({ block: 1500, street: street('N', '52', 'ST') });
    expect(parseHundredBlock('300 Block of Glen Echo Rd')).toEqual({ block: 300, street: street('', 'GLEN ECHO', 'RD') });
    expect(parseHundredBlock('1550 BLOCK N 52ND ST')?.block).toBe(1500);
    // Spelled numbers above twenty are out of scope: read as a name that matches no record.
    const spelled = parseAddress('1547 north fifty second street');
    expect(spelled.ok && spelled.address.street.name).not.toBe('52');
  });

  it('ignores intersections and text without a block', () => {
    expect(parseHundredBlock('N 20TH ST & W MONTGOMERY AV')).toBeNull();
    expect(parseHundredBlock('BAYNTON ST  /  E PASTORIUS ST')).toBeNull();
    expect(parseHundredBlock('6300 BLOCK N 20TH ST / W MONTGOMERY AV')).toBeNull();
  });

  it('formats a street for display with its ordinal', () => {
    expect(formatStreet(street('N', '52', 'ST'))).toBe('N 52ND ST');
    expect(formatStreet(street('S', '11', 'ST'))).toBe('S 11TH ST');
    expect(formatStreet(street('', '1', 'AVE'))).toBe('1ST AVE');
    expect(formatStreet(street('', '23', ''))).toBe('23RD');
    expect(formatStreet(street('W', 'GIRARD', 'AVE'))).toBe('W GIRARD AVE');
  });
});

describe('estimating a block with no record of its own', () => {
  const blocks = [{ block: 1200, lon: 0, lat: 0 }, { block: 1600, lon: 4, lat: 8 }, { block: 4000, lon: 10, lat: 10 }];
  it('places it between the recorded blocks on either side', () => {
    expect(estimateOnStreet(blocks, 1300)).toEqual({ lon: 1, lat: 2 });
    expect(estimateOnStreet(blocks, 1500)).toEqual({ lon: 3, lat: 6 });
  });
  it('uses the nearest block beyond the street\'s ends, and gives up far from any record', () => {
    expect(estimateOnStreet(blocks, 4300)).toEqual({ lon: 10, lat: 10 });
    expect(estimateOnStreet(blocks, 700)).toEqual({ lon: 0, lat: 0 });
    expect(estimateOnStreet(blocks, 2500)).toEqual({ lon: 4, lat: 8 }); // 900 past 1600, 1500 short of 4000
    expect(estimateOnStreet(blocks, 2700)).toBeNull(); // 1100 and 1300 from the nearest records
    expect(estimateOnStreet(blocks, 6000)).toBeNull();
  });
});
