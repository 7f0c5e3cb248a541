import nodemailer, { type Transporter } from 'nodemailer';
import { MessageSendError, type EmailMessage, type EmailSender, type SendReceipt } from './types.js';

/** E-mail through an SMTP server (BRIDGES_SMTP_URL), with nodemailer: one pooled transport per process. */
export class SmtpEmailSender implements EmailSender {
  readonly kind = 'smtp' as const;
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    // Pooled, with short timeouts: a job sending reminders should fail and retry rather than hang on a dead server.
    this.transport = nodemailer.createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  }

  async send(message: EmailMessage): Promise<SendReceipt> {
    try {
      const info = await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
      return { id: String(info.messageId) };
    } catch (error) {
      // nodemailer's message can quote the recipient; keep its code (ECONNECTION, EENVELOPE…) only.
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      throw new MessageSendError('email', code ?? String(responseCode ?? 'smtp'));
    }
  }

  close(): void {
    this.transport.close();
  }
}
