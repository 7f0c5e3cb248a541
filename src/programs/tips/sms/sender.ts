import type { Queryable } from '../../../db/types.js';
import { MessageSendError, TwilioSmsSender } from '../../../core/messaging/index.js';
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

/**
 * Twilio's REST API through core messaging's sender (one HTTP client for the platform). The number is
 * opened from the sealed relay only here, for the one request, and never handed to anything that stores.
 */
export class TwilioRestSender implements SmsSender {
  readonly kind = 'twilio' as const;
  private readonly twilio: TwilioSmsSender;

  constructor(private readonly keys: TipKeys, settings: Required<Pick<TipsSettings['twilio'], 'accountSid' | 'authToken' | 'fromNumber'>> & { apiBase: string }) {
    this.twilio = new TwilioSmsSender(settings);
  }

  async send(_q: Queryable, message: OutgoingSms): Promise<{ providerId: string }> {
    try {
      const receipt = await this.twilio.send({ to: openRelay(this.keys, message.tipNumber, message.relay), body: message.body, source: 'tips' });
      return { providerId: receipt.id };
    } catch (error) {
      // Core's error carries 'network' or 'provider <code>'; the tips program reports the bare code.
      if (error instanceof MessageSendError) throw new SmsSendError(error.code.replace(/^provider /, ''));
      throw error;
    }
  }
}

/** Twilio when its credentials and a sending number are configured (not the demo token); the outbox otherwise. */
export function chooseSender(keys: TipKeys, settings: TipsSettings): SmsSender {
  const { accountSid, authToken, fromNumber, apiBase } = settings.twilio;
  if (accountSid && authToken && fromNumber) return new TwilioRestSender(keys, { accountSid, authToken, fromNumber, apiBase });
  return new OutboxSender();
}
