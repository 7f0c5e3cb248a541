-- Small key/value facts about this installation (e.g. when the demo was loaded).
CREATE TABLE platform_state (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
