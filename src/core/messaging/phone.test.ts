import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it('turns the ways people write numbers into E.164', () => {
    expect(normalizePhone('(215) 555-0100')).toBe('+12155550100');
    expect(normalizePhone('215.555.0100')).toBe('+12155550100');
    expect(normalizePhone('1 215 555 0100')).toBe('+12155550100');
    expect(normalizePhone('+52 55 1234 5678')).toBe('+525512345678');
  });
  it('refuses what is not a phone number', () => {
    expect(normalizePhone('555-0100')).toBeNull();
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('+1234')).toBeNull();
  });
});
