-- Community safety notices: short bilingual messages the department publishes to residents.
CREATE TABLE notices (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  kind        text NOT NULL CHECK (kind IN ('alert', 'advisory', 'news')),
  -- { "en": "...", "es": "..." }: every language the notice was written in.
  title       jsonb NOT NULL,
  body        jsonb NOT NULL,
  area_id     int REFERENCES areas(id) ON DELETE SET NULL,
  status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  publish_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz,
  is_demo     boolean NOT NULL DEFAULT false,
  created_by  int REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_at IS NULL OR expires_at > publish_at)
);
CREATE INDEX notices_public_idx ON notices (status, publish_at);
