import { describe, expect, it } from 'vitest';
import { weightedDisplacementQuotient } from './wdq.js';

describe('Weighted Displacement Quotient', () => {
  it('diffusion of benefits (hand-computed)', () => {
    // Target 100 → 60, buffer 80 → 70, control 1000 → 1000.
    const r = weightedDisplacementQuotient({ targetBefore: 100, targetAfter: 60, bufferBefore: 80, bufferAfter: 70, controlBefore: 1000, controlAfter: 1000 });
    expect(r.successMeasure).toBeCloseTo(-0.04, 12);
    expect(r.bufferDisplacementMeasure).toBeCloseTo(-0.01, 12);
    expect(r.wdq).toBeCloseTo(0.25, 12);
    expect(r.totalNetEffect).toBeCloseTo(50, 12);
    expect(r.interpretation).toMatch(/Diffusion of benefits/);
  });

  it('displacement smaller than the direct effect, with a changing control area', () => {
    // Control 500 → 400 (expected fall of 20%): target 50 → 20, buffer 40 → 40.
    const r = weightedDisplacementQuotient({ targetBefore: 50, targetAfter: 20, bufferBefore: 40, bufferAfter: 40, controlBefore: 500, controlAfter: 400 });
    expect(r.successMeasure).toBeCloseTo(20 / 400 - 50 / 500, 12); // −0.05
    expect(r.bufferDisplacementMeasure).toBeCloseTo(40 / 400 - 40 / 500, 12); // +0.02
    expect(r.wdq).toBeCloseTo(-0.4, 12);
    expect(r.totalNetEffect).toBeCloseTo(50 * 0.8 - 20 + (40 * 0.8 - 40), 12); // 12
    expect(r.interpretation).toMatch(/Some displacement/);
  });

  it('no success means no reading', () => {
    const r = weightedDisplacementQuotient({ targetBefore: 10, targetAfter: 12, bufferBefore: 10, bufferAfter: 10, controlBefore: 100, controlAfter: 100 });
    expect(r.interpretation).toMatch(/No success/);
    expect(() => weightedDisplacementQuotient({ targetBefore: 1, targetAfter: 1, bufferBefore: 1, bufferAfter: 1, controlBefore: 0, controlAfter: 1 })).toThrow();
  });
});
