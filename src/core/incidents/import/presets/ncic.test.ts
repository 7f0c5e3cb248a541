import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../reader-csv.js';
import { ncicCategory } from './ncic.js';

const SACRAMENTO = resolve(process.cwd(), '../shared/data/sacramento/SacramentocrimeJanuary2006.csv');

describe('NCIC codes → categories', () => {
  it('maps code groups and refines mixed groups from the description', () => {
    expect(ncicCategory('999', '187(A)  HOMICIDE')).toBe('homicide');
    expect(ncicCategory('999', '664/187(A) ATTEMPTED HOMICIDE')).toBe('aggravated_assault');
    expect(ncicCategory('1315', '245(A)(1)AWDW/NO FIREARM/CIVIL')).toBe('aggravated_assault');
    expect(ncicCategory('1315', '243(E)1 BATTERY NONCOHAB SPOUS')).toBe('domestic_violence');
    expect(ncicCategory('1313', '242 PC  BATTERY CIVILIAN')).toBe('simple_assault');
    expect(ncicCategory('2204', '459 PC  BURGLARY RESIDENCE')).toBe('burglary');
    expect(ncicCategory('2299', '459 PC  BURGLARY VEHICLE')).toBe('theft_from_vehicle');
    expect(ncicCategory('2305', '484 PETTY THEFT CLOUT UNLOCKED')).toBe('theft_from_vehicle');
    expect(ncicCategory('2308', '484 PC   PETTY THEFT/INSIDE')).toBe('larceny');
    expect(ncicCategory('2404', '10851(A)VC TAKE VEH W/O OWNER')).toBe('vehicle_theft');
    expect(ncicCategory('3699', '243.4(A) SEXUAL BATTERY')).toBe('sexual_assault');
    expect(ncicCategory('5404', '23152(A) VC DUI-ALCOHOL/DRUGS')).toBe('dui');
    expect(ncicCategory('5400', 'TRAFFIC-ACCIDENT INJURY')).toBe('traffic');
    expect(ncicCategory('7000', 'TOWED/STORED VEHICLE')).toBe('other');
  });

  it('rejects empty and non-numeric codes as unknown offenses', () => {
    expect(ncicCategory('', 'X')).toEqual({ reject: 'offense_code: unknown offense (empty code)' });
    expect(ncicCategory('24O4', 'X')).toEqual({ reject: "offense_code: unknown offense '24O4' (not an NCIC code)" });
  });

  it('maps every row of the Sacramento January 2006 file', async () => {
    const source = openCsv(SACRAMENTO);
    const counts = new Map<string, number>();
    let rows = 0;
    for await (const chunk of source.chunks()) {
      const code = source.columns.indexOf('ucr_ncic_code');
      const text = source.columns.indexOf('crimedescr');
      for (const record of chunk) {
        rows += 1;
        const category = ncicCategory(record.values[code], record.values[text]);
        expect(typeof category).toBe('string');
        counts.set(category as string, (counts.get(category as string) ?? 0) + 1);
      }
    }
    expect(rows).toBe(7584);
    expect(counts.get('vehicle_theft')).toBe(881);
    expect(counts.get('burglary')).toBe(509);
    expect(counts.get('theft_from_vehicle')).toBe(630);
    expect(counts.get('homicide')).toBe(4);
    expect(counts.get('other')).toBe(2502);
  });
});
