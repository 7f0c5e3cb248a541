import type { Queryable } from '../../../db/types.js';
import type { TipKeys } from '../crypto.js';
import { openRelay } from '../crypto.js';
import type { TipsSettings } from '../settings.js';

/** One reply to a text tipster. The phone number travels only as the sealed relay entry of the conversation. */
export interface OutgoingSms {
  conversationId: number;
  tipNumber: string;
  /** tip_sms_conversations.relay_enc: opened only by a sender that really sends. */
  relay: string;
  body: string;
}

/** Where staff replies go. Implementations must never write the number anywhere. */
export interface SmsSender {
  readonly kind: 'outbox' | 'twilio';
  send(q: Queryable, message: OutgoingSms): Promise<{ providerId: string }>;
}

/** A refusal of the provider, by its error code only: provider messages can quote the phone number. */
export class SmsSendError extends Error {
  constructor(readonly code: string) {
    super(`The text message was not sent (provider error ${code}).`);
    this.name = 'SmsSendError';
  }
}

/** Development and tests: the reply is written to tip_sms_outbox (conversation and text, never the number). */
export class OutboxSender implements SmsSender {
  readonly kind = 'outbox' as const;

  async send(q: Queryable, message: OutgoingSms): Promise<{ providerId: string }> {
    const [row] = await q.query<{ id: number }>('INSERT INTO tip_sms_outbox (conversation_id, body) VALUES ($1, $2) RETURNING id', [message.conversationId, message.body]);
    return { providerId: `outbox:${row.id}` };
  }
}

/** Twilio's REST API: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with To, From and Body. */
export class TwilioRestSender implements SmsSender {
  readonly kind = 'twilio' as const;

  constructor(private readonly keys: TipKeys, private readonly twilio: Required<Pick<TipsSettings['twilio'], 'accountSid' | 'authToken' | 'fromNumber'>> & { apiBase: string }) {}

  async send(_q: Queryable, message: OutgoingSms): Promise<{ providerId: string }> {
    const { accountSid, authToken, fromNumber, apiBase } = this.twilio;
    const form = new URLSearchParams({ To: openRelay(this.keys, message.tipNumber, message.relay), From: fromNumber, Body: message.body });
    let response: Response;
    try {
      response = await fetch(`${apiBase}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new SmsSendError('network');
    }
    const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number };
    if (!response.ok || !answer.sid) throw new SmsSendError(String(answer.code ?? response.status));
    return { providerId: answer.sid };
  }
}

/** Twilio when its credentials and a sending number are configured (not the demo token); the outbox otherwise. */
export function chooseSender(keys: TipKeys, settings: TipsSettings): SmsSender {
  const { accountSid, authToken, fromNumber, apiBase } = settings.twilio;
  if (accountSid && authToken && fromNumber) return new TwilioRestSender(keys, { accountSid, authToken, fromNumber, apiBase });
  return new OutboxSender();
}
