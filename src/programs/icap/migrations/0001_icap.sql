-- I-CAP (Intelligence, Communication and Planning): weekly briefings that steer resources to hot-spot
-- neighborhoods, and alerts after a shooting while the risk of a retaliatory one is highest.

-- The city's own near-repeat pattern of shootings (Knox test), recomputed weekly: how far and how long the
-- risk after a shooting is raised. Alerts and risk zones use it.
CREATE TABLE icap_near_repeat (
  agency_id    int PRIMARY KEY REFERENCES agencies(id),
  computed_at  timestamptz NOT NULL DEFAULT now(),
  data_from    timestamptz NOT NULL,
  data_to      timestamptz NOT NULL,
  events       int NOT NULL,
  radius_m     int NOT NULL,
  window_days  int NOT NULL,
  -- false: no significant pattern; radius and window are then the cautious defaults.
  significant  boolean NOT NULL,
  -- The Knox table and its plain-language reading.
  details      jsonb NOT NULL
);

-- One alert per shooting recorded as it happens (not for historical imports).
CREATE TABLE icap_alerts (
  id              serial PRIMARY KEY,
  agency_id       int NOT NULL REFERENCES agencies(id),
  incident_id     bigint NOT NULL UNIQUE REFERENCES incidents(id) ON DELETE CASCADE,
  category        text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  lon             float8 NOT NULL,
  lat             float8 NOT NULL,
  hundred_block   text,
  radius_m        int NOT NULL,
  window_days     int NOT NULL,
  risk_until      timestamptz NOT NULL,
  -- Shootings within radius_m in the 14 days before: a chain of retaliation is more likely.
  nearby_recent   int NOT NULL,
  walk_id         int,
  acknowledged_by int REFERENCES users(id),
  acknowledged_at timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX icap_alerts_agency_idx ON icap_alerts (agency_id, created_at DESC);

-- Briefings as generated (on demand or by the weekly job): the content is kept as it was that day.
CREATE TABLE icap_briefings (
  id            serial PRIMARY KEY,
  agency_id     int NOT NULL REFERENCES agencies(id),
  as_of         timestamptz NOT NULL,
  generated_at  timestamptz NOT NULL DEFAULT now(),
  generated_by  int REFERENCES users(id),
  trigger       text NOT NULL CHECK (trigger IN ('schedule', 'staff', 'demo')),
  content       jsonb NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX icap_briefings_agency_idx ON icap_briefings (agency_id, generated_at DESC);
