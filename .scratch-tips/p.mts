import { photoWithMetadata } from '/work/main/src/programs/tips/testing.ts';
import exifr from 'exifr';
const p = await photoWithMetadata();
console.log(p.length, await exifr.parse(p, true), p.toString('latin1').includes('SN-7F3A9C21'));
