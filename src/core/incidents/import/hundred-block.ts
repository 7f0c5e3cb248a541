/**
 * Public surfaces show a hundred block, never a house number: "3108 OCCIDENTAL DR" → "3100 BLOCK OCCIDENTAL DR".
 * Sources that already publish blocks keep them ("6300 BLOCK FRANKFORD AVE"); Chicago's masked style
 * "018XX W 63RD ST" becomes "1800 BLOCK W 63RD ST". Intersections ("J ST / 29TH ST") carry no house number and
 * stay as they are.
 */

const DIGIT_0 = 48, DIGIT_9 = 57, SPACE = 32;

const upper = (text: string) => (/[a-z]/.test(text) ? text.toUpperCase() : text);

/** The public hundred-block form of a source address, or null when it cannot be made safe to show. */
export function toHundredBlock(address: string | null | undefined): string | null {
  if (!address) return null;
  let text = address.trim();
  if (text === '') return null;
  if (text.includes('  ') || text.includes('\t')) text = text.replace(/\s+/g, ' ');
  // Fast path for the common "3108 OCCIDENTAL DR": digits, one space, a street that is not "BLOCK …".
  let end = 0;
  while (end < text.length && text.charCodeAt(end) >= DIGIT_0 && text.charCodeAt(end) <= DIGIT_9) end += 1;
  if (end > 0 && end < 10 && text.charCodeAt(end) === SPACE) {
    const street = text.slice(end + 1);
    if (/^BLOCK\b/i.test(street)) return upper(text);
    return `${Math.floor(Number(text.slice(0, end)) / 100) * 100} BLOCK ${upper(street)}`;
  }
  // Masked digits ("073XX", "0000X"): read the X's as zeros, then round to the hundred.
  const masked = /^(\d*X+)\s+(.*)$/i.exec(text);
  if (masked) {
    const n = Number(masked[1].replace(/x/gi, '0'));
    return `${Math.floor(n / 100) * 100} BLOCK ${masked[2]}`.toUpperCase();
  }
  // A house number with a range ("3108-3110") or a unit letter ("3108A"), then the street.
  const numbered = /^(\d+)[A-Z]?(?:\s*-\s*\d+[A-Z]?)?\s+(.+)$/i.exec(text);
  if (numbered) return `${Math.floor(Number(numbered[1]) / 100) * 100} BLOCK ${numbered[2]}`.toUpperCase();
  // Intersections and numbered streets without a house number ("16TH ST / J ST", "5TH AVE") are not points.
  if (/\s(\/|&|AND|@)\s/i.test(text) || /^\d+(ST|ND|RD|TH)\b/i.test(text)) return upper(text);
  // Anything else that still starts with a digit could be an address we do not understand: drop it
  // rather than risk publishing an exact location.
  if (/^\d/.test(text)) return null;
  return upper(text);
}
