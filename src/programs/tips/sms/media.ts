import type { TipsSettings } from '../settings.js';

/** Fetches the media of a text message (MediaUrlN). */
export interface MediaFetcher {
  fetch(url: string): Promise<Buffer>;
}

/**
 * Twilio media: fetched with the account's credentials, and only from the configured origins, so a forged or
 * odd MediaUrl cannot make the server fetch arbitrary addresses. Bodies are capped at `maxBytes`.
 */
export class TwilioMediaFetcher implements MediaFetcher {
  constructor(private readonly twilio: { accountSid: string; authToken: string; mediaOrigins: string[] }, private readonly maxBytes: number) {}

  async fetch(url: string): Promise<Buffer> {
    const origin = new URL(url).origin;
    if (!this.twilio.mediaOrigins.includes(origin)) throw new Error('media from an origin that is not allowed');
    const response = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${this.twilio.accountSid}:${this.twilio.authToken}`).toString('base64')}` },
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok || !response.body) throw new Error(`media answered ${response.status}`);
    const chunks: Buffer[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      total += part.value.length;
      if (total > this.maxBytes) {
        await reader.cancel();
        throw new Error('media larger than the upload limit');
      }
      chunks.push(Buffer.from(part.value));
    }
    return Buffer.concat(chunks);
  }
}

export function chooseMediaFetcher(settings: TipsSettings, maxBytes: number): MediaFetcher | null {
  const { accountSid, authToken, mediaOrigins } = settings.twilio;
  return accountSid && authToken ? new TwilioMediaFetcher({ accountSid, authToken, mediaOrigins }, maxBytes) : null;
}
