import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../incidents/import/reader-csv.js';
import { AreaIndex } from './area-index.js';
import { toAreaGeometry } from './geometry.js';

const DATA = resolve(process.cwd(), '../shared/data/philadelphia');

/** One boundary file as indexed areas; ids are 1-based feature numbers, names from `nameField`. */
function load(file: string, nameField: string): { index: AreaIndex; names: Map<number, string> } {
  const fc = JSON.parse(readFileSync(resolve(DATA, 'boundaries', file), 'utf8')) as { features: Array<{ properties: Record<string, unknown>; geometry: unknown }> };
  const names = new Map<number, string>();
  const areas = fc.features.map((f, i) => {
    names.set(i + 1, String(f.properties[nameField]));
    return { id: i + 1, geometry: toAreaGeometry(f.geometry) };
  });
  return { index: new AreaIndex(areas), names };
}

describe('Philadelphia boundaries', () => {
  const districts = load('police_districts.geojson', 'police_district');
  const neighborhoods = load('neighborhoods.geojson', 'neighborhood');
  const city = load('City_Limits.geojson', 'OBJECTID');
  const nameAt = (set: typeof districts, lon: number, lat: number) => set.index.lookup(lon, lat).map((id) => set.names.get(id));

  it('places landmarks in the right district and neighborhood, and Camden outside the city', () => {
    // Expected answers come from an independent point-in-polygon run over the same files.
    expect(nameAt(districts, -75.1635, 39.9524)).toEqual(['9']); // City Hall
    expect(nameAt(neighborhoods, -75.1635, 39.9524)).toEqual(['Center City East']);
    expect(nameAt(districts, -75.2424, 39.8744)).toEqual(['77']); // the airport
    expect(nameAt(neighborhoods, -75.2424, 39.8744)).toEqual(['Airport-Navy Yard']);
    expect(nameAt(districts, -75.1554, 39.9812)).toEqual(['22']); // Temple University
    expect(nameAt(neighborhoods, -75.08, 40.08)).toEqual(['Rhawnhurst-Fox Chase']);
    expect(city.index.lookup(-75.12, 39.94)).toEqual([]); // Camden, NJ
    expect(districts.index.lookup(-75.12, 39.94)).toEqual([]);
  });

  it('puts nearly every shooting inside the city and in exactly one police district', async () => {
    const source = openCsv(resolve(DATA, 'shootings.csv'));
    let points = 0, inCity = 0, oneDistrict = 0, matchesPublishedDistrict = 0;
    for await (const chunk of source.chunks()) {
      const [lat, lng, dist] = ['lat', 'lng', 'dist'].map((c) => source.columns.indexOf(c));
      for (const { values } of chunk) {
        if (!values[lat] || !values[lng]) continue;
        const lon = Number(values[lng]), la = Number(values[lat]);
        points += 1;
        if (city.index.lookup(lon, la).length === 1) inCity += 1;
        const found = nameAt(districts, lon, la);
        if (found.length === 1) oneDistrict += 1;
        if (found[0] === values[dist]) matchesPublishedDistrict += 1;
      }
    }
    expect(points).toBe(14287);
    expect(inCity / points).toBeGreaterThan(0.995);
    expect(oneDistrict / points).toBeGreaterThan(0.995);
    // The file's own district column agrees with the polygons for the vast majority of points.
    expect(matchesPublishedDistrict / points).toBeGreaterThan(0.95);
  });
});
