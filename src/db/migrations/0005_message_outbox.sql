-- Messages the platform would have sent by e-mail or text, kept here instead when no SMTP server or SMS
-- provider is configured (development, tests, demo). In production with real senders nothing is written.
CREATE TABLE message_outbox (
  id          bigserial PRIMARY KEY,
  channel     text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- The program (or core part) that sent it, e.g. 'events', 'watch'.
  source      text NOT NULL,
  recipient   text NOT NULL,
  subject     text,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_outbox_source_idx ON message_outbox (source, created_at);
