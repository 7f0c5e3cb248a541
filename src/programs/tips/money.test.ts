import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it('writes dollars the way the reader’s language does, with cents only when there are some', () => {
    expect(formatMoney(75_000, 'en')).toBe('$750');
    expect(formatMoney(125_050, 'en')).toBe('$1,250.50');
    expect(formatMoney(125_050, 'es')).toBe(new Intl.NumberFormat('es', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(1250.5));
    expect(formatMoney(125_050, 'es')).not.toBe('$1,250.50');
    expect(formatMoney(1_000_000, 'es')).toMatch(/^10\.000\sUS\$$/);
  });
});
