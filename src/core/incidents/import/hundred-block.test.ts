import { describe, expect, it } from 'vitest';
import { toHundredBlock } from './hundred-block.js';

describe('hundred blocks for public display', () => {
  it('rounds house numbers down to the block', () => {
    expect(toHundredBlock('3108 OCCIDENTAL DR')).toBe('3100 BLOCK OCCIDENTAL DR');
    expect(toHundredBlock('4 PALEN CT')).toBe('0 BLOCK PALEN CT');
    expect(toHundredBlock('3108-3110 Main St')).toBe('3100 BLOCK MAIN ST');
    expect(toHundredBlock('3108A  MAIN   ST')).toBe('3100 BLOCK MAIN ST');
  });

  it('keeps published blocks and converts masked ones', () => {
    expect(toHundredBlock('6300 BLOCK FRANKFORD AVE')).toBe('6300 BLOCK FRANKFORD AVE');
    expect(toHundredBlock('018XX W 63RD ST')).toBe('1800 BLOCK W 63RD ST');
    expect(toHundredBlock('0000X N STATE ST')).toBe('0 BLOCK N STATE ST');
    expect(toHundredBlock('0012X W MADISON ST')).toBe('100 BLOCK W MADISON ST');
  });

  it('keeps intersections and numbered streets, drops what it cannot read', () => {
    expect(toHundredBlock('J ST / 29TH ST')).toBe('J ST / 29TH ST');
    expect(toHundredBlock('16TH ST / J ST')).toBe('16TH ST / J ST');
    expect(toHundredBlock('5TH AVE')).toBe('5TH AVE');
    expect(toHundredBlock('12345')).toBeNull();
    expect(toHundredBlock('  ')).toBeNull();
    expect(toHundredBlock(null)).toBeNull();
  });
});
