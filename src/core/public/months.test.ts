import { describe, expect, it } from 'vitest';
import { wholeMonths } from './incidents.js';

describe('whole months of a period', () => {
  it('keeps only the calendar months the period covers from their first to their last day', () => {
    expect(wholeMonths({ from: '2024-01-15', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-03-31' });
    expect(wholeMonths({ from: '2024-02-01', to: '2024-02-29' })).toEqual({ from: '2024-02-01', to: '2024-02-29' }); // leap year
    expect(wholeMonths({ from: '2023-12-01', to: '2024-01-30' })).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(wholeMonths({ from: '2023-11-20', to: '2024-02-10' })).toEqual({ from: '2023-12-01', to: '2024-01-31' });
  });

  it('is null when no month is whole', () => {
    expect(wholeMonths({ from: '2024-02-02', to: '2024-02-29' })).toBeNull();
    expect(wholeMonths({ from: '2024-01-02', to: '2024-02-28' })).toBeNull();
    expect(wholeMonths({ from: '2024-03-07', to: '2024-03-07' })).toBeNull();
  });
});
