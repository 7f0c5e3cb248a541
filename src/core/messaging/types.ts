/**
 * What the platform sends to residents who asked to be contacted (event reminders, watch-group alerts,
 * answers to their questions): one e-mail or one text message at a time, to one recipient.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text: every mail client shows it, and nothing in it can load remote content. */
  text: string;
  /** The program (or core part) sending it, e.g. 'events'; kept in the outbox and in error messages. */
  source: string;
}

export interface SmsMessage {
  /** E.164 number, e.g. +12155550100. */
  to: string;
  body: string;
  source: string;
}

/** The provider's id of the accepted message (SMTP message id, Twilio SID, or `outbox:<row id>`). */
export interface SendReceipt {
  id: string;
}

export interface EmailSender {
  readonly kind: 'smtp' | 'outbox';
  send(message: EmailMessage): Promise<SendReceipt>;
}

export interface SmsSender {
  readonly kind: 'twilio' | 'outbox';
  send(message: SmsMessage): Promise<SendReceipt>;
}

/** Both senders, as createSenders chooses them. */
export interface Senders {
  email: EmailSender;
  sms: SmsSender;
}

/**
 * A refusal by the provider or the network. The message names the channel and a code only: provider
 * messages can quote the recipient's address or number, which must not reach a log line.
 */
export class MessageSendError extends Error {
  constructor(readonly channel: 'email' | 'sms', readonly code: string) {
    super(`The ${channel === 'email' ? 'e-mail' : 'text message'} was not sent (${code}).`);
    this.name = 'MessageSendError';
  }
}
