/**
 * Messaging settings from the environment. They live beside the senders (not in core/config.ts) so that
 * programs' scheduled jobs, which get only the database, can build senders the same way the routes do.
 */

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or messaging service SID. */
  fromNumber: string;
  /** https://api.twilio.com; tests point it at a local server. */
  apiBase: string;
}

export interface MessagingConfig {
  /** smtp://user:pass@host:587 or smtps://…; unset keeps e-mail in the outbox table. */
  smtpUrl?: string;
  /** From header of every e-mail. */
  emailFrom: string;
  /** Unset keeps text messages in the outbox table. */
  twilio?: TwilioSettings;
  /**
   * Address residents use to reach the portal (BRIDGES_PUBLIC_URL); links in messages start with it. Unset,
   * a request's own origin is the best guess, and a scheduled job falls back to http://localhost:PORT.
   */
  publicUrl?: string;
}

/**
 * BRIDGES_SMTP_URL, BRIDGES_EMAIL_FROM, BRIDGES_PUBLIC_URL, and TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN /
 * TWILIO_FROM_NUMBER (the names the tips program reads too) with optional TWILIO_API_BASE.
 */
export function loadMessagingConfig(env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: fromNumber } = env;
  const smtpUrl = env.BRIDGES_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error('BRIDGES_SMTP_URL must start with smtp:// or smtps://');
  const publicUrl = env.BRIDGES_PUBLIC_URL ? env.BRIDGES_PUBLIC_URL.replace(/\/+$/, '') : undefined;
  return {
    smtpUrl,
    emailFrom: env.BRIDGES_EMAIL_FROM || 'Bridges <no-reply@bridges.invalid>',
    twilio: accountSid && authToken && fromNumber
      ? { accountSid, authToken, fromNumber, apiBase: (env.TWILIO_API_BASE || 'https://api.twilio.com').replace(/\/+$/, '') }
      : undefined,
    publicUrl,
  };
}

/** The configured public URL, else the given fallback (a request's origin), without a trailing slash. */
export function publicUrlOr(config: MessagingConfig, fallback: string): string {
  return (config.publicUrl ?? fallback).replace(/\/+$/, '');
}
