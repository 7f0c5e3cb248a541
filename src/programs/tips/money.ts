/**
 * Reward amounts for people, in the reader's language: the same on the follow-up page, the console and the
 * messages the tipster receives ("$1,250" in English, "1250 US$" in Spanish). Whole dollars show no cents;
 * other amounts show both decimals. Shared by the server and the web screens (no Node APIs).
 */
export function formatMoney(cents: number, language: string): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(language, {
    style: 'currency', currency: 'USD', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}
