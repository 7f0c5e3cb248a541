/**
 * Weighted Displacement Quotient (Bowers & Johnson 2003, "Measuring the geographical displacement and
 * diffusion of benefit effects of crime prevention activity", J. Quantitative Criminology).
 * R = target (response) area, B = buffer, C = control; subscripts before/after the intervention.
 *
 *   success measure          = R_a/C_a − R_b/C_b      (< 0: crime fell in the target relative to control)
 *   buffer displacement      = B_a/C_a − B_b/C_b      (> 0: displacement to the buffer, < 0: diffusion of benefits)
 *   WDQ                      = buffer displacement / success measure
 *   total net effect         = (R_b·C_a/C_b − R_a) + (B_b·C_a/C_b − B_a), crimes prevented net of the buffer
 *
 * WDQ > 1: diffusion of benefits larger than the direct effect; 0 < WDQ ≤ 1: diffusion of benefits;
 * WDQ = 0: no change in the buffer; −1 ≤ WDQ < 0: some displacement, smaller than the direct effect;
 * WDQ < −1: displacement exceeds the direct effect (the scheme is counter-productive).
 * The quotient is only interpreted when the success measure is negative.
 */

/** Counts before and after for the three areas. */
export interface WdqInput {
  targetBefore: number;
  targetAfter: number;
  bufferBefore: number;
  bufferAfter: number;
  controlBefore: number;
  controlAfter: number;
}

/** Output of {@link weightedDisplacementQuotient}. */
export interface WdqResult {
  successMeasure: number;
  bufferDisplacementMeasure: number;
  /** null when the success measure is 0 (the quotient is undefined). */
  wdq: number | null;
  totalNetEffect: number;
  interpretation: string;
}

/** Computes the WDQ and its reading. Control counts must be positive. */
export function weightedDisplacementQuotient(input: WdqInput): WdqResult {
  const { targetBefore: Rb, targetAfter: Ra, bufferBefore: Bb, bufferAfter: Ba, controlBefore: Cb, controlAfter: Ca } = input;
  if (!(Cb > 0 && Ca > 0)) throw new RangeError('control area counts must be positive');
  const successMeasure = Ra / Ca - Rb / Cb;
  const bufferDisplacementMeasure = Ba / Ca - Bb / Cb;
  const wdq = successMeasure === 0 ? null : bufferDisplacementMeasure / successMeasure;
  const expected = Ca / Cb;
  const totalNetEffect = Rb * expected - Ra + (Bb * expected - Ba);
  return { successMeasure, bufferDisplacementMeasure, wdq, totalNetEffect, interpretation: interpretWdq(successMeasure, wdq) };
}

/** Plain-language reading of a WDQ. */
export function interpretWdq(successMeasure: number, wdq: number | null): string {
  if (successMeasure >= 0 || wdq === null) {
    return 'No success in the target area relative to the control area, so displacement cannot be assessed (the WDQ is only meaningful when crime fell in the target area relative to control).';
  }
  if (wdq > 1) return 'Diffusion of benefits: crime also fell in the buffer, by more than the direct effect in the target area.';
  if (wdq > 0) return 'Diffusion of benefits: crime also fell in the buffer zone, by less than the direct effect in the target area.';
  if (wdq === 0) return 'Success in the target area with no displacement or diffusion in the buffer zone.';
  if (wdq >= -1) return 'Some displacement to the buffer zone, but smaller than the reduction in the target area: a net benefit.';
  return 'Displacement to the buffer zone exceeds the reduction in the target area: the intervention was counter-productive.';
}
