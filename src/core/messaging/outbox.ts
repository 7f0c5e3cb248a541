import type { Queryable } from '../../db/types.js';
import type { EmailMessage, EmailSender, SendReceipt, SmsMessage, SmsSender } from './types.js';

/**
 * Development and tests: the e-mail is written to message_outbox instead of being sent. Given a transaction,
 * the message commits or rolls back with the change that caused it.
 */
export class OutboxEmailSender implements EmailSender {
  readonly kind = 'outbox' as const;
  constructor(private readonly db: Queryable) {}

  async send(message: EmailMessage): Promise<SendReceipt> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO message_outbox (channel, source, recipient, subject, body) VALUES ('email', $1, $2, $3, $4) RETURNING id::text`,
      [message.source, message.to, message.subject, message.text],
    );
    return { id: `outbox:${row.id}` };
  }
}

/** Development and tests: the text message is written to message_outbox instead of being sent. */
export class OutboxSmsSender implements SmsSender {
  readonly kind = 'outbox' as const;
  constructor(private readonly db: Queryable) {}

  async send(message: SmsMessage): Promise<SendReceipt> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO message_outbox (channel, source, recipient, body) VALUES ('sms', $1, $2, $3) RETURNING id::text`,
      [message.source, message.to, message.body],
    );
    return { id: `outbox:${row.id}` };
  }
}

export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  source: string;
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: Date;
}

/** What the outbox holds for one source, oldest first (tests and the development console read it). */
export async function readOutbox(db: Queryable, source?: string): Promise<OutboxMessage[]> {
  return db.query<OutboxMessage>(
    `SELECT id::int, channel, source, recipient, subject, body, created_at AS "createdAt" FROM message_outbox
     WHERE $1::text IS NULL OR source = $1 ORDER BY id`,
    [source ?? null],
  );
}
