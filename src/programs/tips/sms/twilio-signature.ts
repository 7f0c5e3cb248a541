import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as received: a name may repeat (Twilio sends arrays that way). */
export type FormParams = Record<string, string | string[]>;

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the account's auth token, over the full URL the
 * webhook was configured with followed by every POST parameter, sorted by name, as name + value (a repeated
 * name contributes each of its values, in sorted order). Unknown extra fields are part of it like any other.
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    const values = Array.isArray(value) ? [...value].sort() : [value];
    for (const v of values) data += name + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Checks X-Twilio-Signature in constant time. */
export function validTwilioSignature(authToken: string, url: string, params: FormParams, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  if (given.length !== expected.length) {
    // Still spend the comparison, so the length of a guess is not timed.
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, given);
}
