/**
 * Core messaging: e-mail and text-message senders every program uses (see README.md). Real providers when
 * configured, the message_outbox table otherwise, so development and tests never reach anyone.
 */
import type { Queryable } from '../../db/types.js';
import type { MessagingConfig } from './config.js';
import { OutboxEmailSender, OutboxSmsSender } from './outbox.js';
import { SmtpEmailSender } from './smtp.js';
import { TwilioSmsSender } from './twilio.js';
import type { Senders } from './types.js';

export type { EmailMessage, SmsMessage, EmailSender, SmsSender, Senders, SendReceipt } from './types.js';
export { MessageSendError } from './types.js';
export { loadMessagingConfig, publicUrlOr, type MessagingConfig, type TwilioSettings } from './config.js';
export { OutboxEmailSender, OutboxSmsSender, readOutbox, type OutboxMessage } from './outbox.js';
export { SmtpEmailSender } from './smtp.js';
export { TwilioSmsSender } from './twilio.js';
export { normalizePhone } from './phone.js';

// One SMTP transport per URL for the whole process: nodemailer pools connections inside it.
const smtpSenders = new Map<string, SmtpEmailSender>();

/**
 * Chooses the senders: SMTP when BRIDGES_SMTP_URL is set, Twilio when its three settings are, the outbox
 * (written through `db`, which may be an open transaction) for whatever is not configured.
 */
export function createSenders(config: MessagingConfig, db: Queryable): Senders {
  let email: Senders['email'];
  if (config.smtpUrl) {
    const key = `${config.smtpUrl}\n${config.emailFrom}`;
    email = smtpSenders.get(key) ?? new SmtpEmailSender(config.smtpUrl, config.emailFrom);
    smtpSenders.set(key, email as SmtpEmailSender);
  } else {
    email = new OutboxEmailSender(db);
  }
  const sms = config.twilio ? new TwilioSmsSender(config.twilio) : new OutboxSmsSender(db);
  return { email, sms };
}
