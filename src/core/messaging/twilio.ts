import type { TwilioSettings } from './config.js';
import { MessageSendError, type SendReceipt, type SmsMessage, type SmsSender } from './types.js';

/** Text messages through Twilio's REST API: POST /2010-04-01/Accounts/{AccountSid}/Messages.json. */
export class TwilioSmsSender implements SmsSender {
  readonly kind = 'twilio' as const;
  constructor(private readonly settings: TwilioSettings) {}

  async send(message: SmsMessage): Promise<SendReceipt> {
    const { accountSid, authToken, fromNumber, apiBase } = this.settings;
    let response: Response;
    try {
      response = await fetch(`${apiBase}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ To: message.to, From: fromNumber, Body: message.body }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new MessageSendError('sms', 'network');
    }
    const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number };
    // Twilio's error text can repeat the number: only its numeric code is kept.
    if (!response.ok || !answer.sid) throw new MessageSendError('sms', `provider ${answer.code ?? response.status}`);
    return { id: answer.sid };
  }
}
