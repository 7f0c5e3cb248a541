import { describe, expect, it } from 'vitest';
import { agencyProjection, distanceKm, resolveCrs } from './projection.js';

// City of Chicago bounding box (lon/lat), generous by a few hundred metres.
const inChicago = ([lon, lat]: [number, number]) => lon > -87.95 && lon < -87.52 && lat > 41.64 && lat < 42.03;

describe('coordinate systems', () => {
  it('turns EPSG:26971 metres from the Chicago burglary file into points inside Chicago', () => {
    const crs = resolveCrs('EPSG:26971');
    // First rows of chicago_burglary_2014_2017.csv and the file's extreme x/y values.
    for (const [x, y] of [[365535.5205650503, 563965.210714206], [354282.51940179314, 565699.2848491867], [340350.10277008265, 594820.5179915946], [367222.27424919326, 552880.899868685]]) {
      expect(inChicago(crs.toLonLat(x, y))).toBe(true);
    }
  });

  it('round-trips lon/lat through an agency projection', () => {
    const utm = agencyProjection('+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs');
    const [x, y] = utm.toXY(-75.1652, 39.9526);
    // UTM 18N: City Hall lies ~14 km west of the -75° central meridian (false easting 500 km).
    expect(x).toBeGreaterThan(485_000);
    expect(x).toBeLessThan(487_000);
    expect(y).toBeGreaterThan(4_420_000);
    expect(y).toBeLessThan(4_425_000);
    const [lon, lat] = resolveCrs('+proj=utm +zone=18 +datum=WGS84 +units=m +no_defs').toLonLat(x, y);
    expect(lon).toBeCloseTo(-75.1652, 7);
    expect(lat).toBeCloseTo(39.9526, 7);
  });

  it('accepts lonlat, EPSG codes and proj4 strings; refuses anything else by name', () => {
    expect(resolveCrs(undefined).isLonLat).toBe(true);
    expect(resolveCrs('lonlat').toLonLat(-75, 40)).toEqual([-75, 40]);
    expect(resolveCrs('+proj=merc +a=6378137 +b=6378137 +units=m').isLonLat).toBe(false);
    expect(() => resolveCrs('EPSG:9999')).toThrow(/unknown CRS "EPSG:9999"/);
  });

  it('measures distances in km', () => {
    expect(distanceKm(-75.1652, 39.9526, -87.6298, 41.8781)).toBeCloseTo(1065, -1);
  });
});
