-- Core schema: agencies, people, permissions, sessions, areas, incidents, imports, audit.
-- Plain SQL that runs unchanged on PostgreSQL 15 and on PGlite.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE agencies (
  id          serial PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('police', 'partner_agency', 'organisation')),
  time_zone   text NOT NULL,
  -- proj4 definition of the metric projection used for analysis (x/y in metres).
  projection  text NOT NULL,
  center_lon  float8 NOT NULL,
  center_lat  float8 NOT NULL,
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id               serial PRIMARY KEY,
  agency_id        int NOT NULL REFERENCES agencies(id),
  username         citext NOT NULL UNIQUE,
  display_name     text NOT NULL,
  email            citext,
  password_hash    text NOT NULL,
  -- TOTP secret, encrypted with the server key (AES-256-GCM); null until enrolled.
  totp_secret_enc  text,
  totp_enrolled_at timestamptz,
  -- Last accepted TOTP time step: a code is never accepted twice.
  totp_last_step   bigint,
  status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_sign_ins  int NOT NULL DEFAULT 0,
  locked_until     timestamptz,
  locale           text NOT NULL DEFAULT 'en',
  is_demo          boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_agency_idx ON users (agency_id);

-- Roles belong to one agency; permissions are names from the permission catalogue (core + programs).
CREATE TABLE roles (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  permissions text[] NOT NULL DEFAULT '{}',
  UNIQUE (agency_id, name)
);

CREATE TABLE user_roles (
  user_id int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_id int NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      int NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  stage        text NOT NULL CHECK (stage IN ('mfa_pending', 'mfa_enroll', 'active')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Offense categories mapped to NIBRS crime-against groups. severity: 1 = most serious.
CREATE TABLE offense_categories (
  code        text PRIMARY KEY,
  label_en    text NOT NULL,
  label_es    text NOT NULL,
  nibrs_group text NOT NULL CHECK (nibrs_group IN ('person', 'property', 'society', 'other')),
  violent     boolean NOT NULL,
  -- Sensitive incidents never show an exact point on public surfaces.
  sensitive   boolean NOT NULL DEFAULT false,
  severity    int NOT NULL
);

CREATE TABLE areas (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  kind        text NOT NULL CHECK (kind IN ('city', 'district', 'beat', 'neighborhood', 'crt_zone', 'sco_post', 'custom')),
  name        text NOT NULL,
  code        text,
  geometry    jsonb NOT NULL,
  -- [min lon, min lat, max lon, max lat]
  bbox        float8[] NOT NULL,
  properties  jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, kind, name)
);

CREATE TABLE import_runs (
  id           bigserial PRIMARY KEY,
  agency_id    int NOT NULL REFERENCES agencies(id),
  kind         text NOT NULL CHECK (kind IN ('incidents', 'areas')),
  file_name    text NOT NULL,
  preset       text,
  started_by   int REFERENCES users(id),
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
  rows_read    int NOT NULL DEFAULT 0,
  inserted     int NOT NULL DEFAULT 0,
  updated      int NOT NULL DEFAULT 0,
  unchanged    int NOT NULL DEFAULT 0,
  rejected     int NOT NULL DEFAULT 0,
  error        text
);

CREATE TABLE incidents (
  id             bigserial PRIMARY KEY,
  agency_id      int NOT NULL REFERENCES agencies(id),
  source_system  text NOT NULL,
  source_id      text NOT NULL,
  offense_code   text,
  offense_text   text,
  category       text NOT NULL REFERENCES offense_categories(code),
  occurred_at    timestamptz NOT NULL,
  -- 'day' when the source gives dates only (occurred_at is then local midnight).
  time_precision text NOT NULL DEFAULT 'minute' CHECK (time_precision IN ('minute', 'day')),
  lon            float8 NOT NULL,
  lat            float8 NOT NULL,
  x              float8 NOT NULL,
  y              float8 NOT NULL,
  hundred_block  text,
  area_ids       int[] NOT NULL DEFAULT '{}',
  victim_count   int,
  fatal_count    int,
  attributes     jsonb NOT NULL DEFAULT '{}',
  import_run_id  bigint REFERENCES import_runs(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, source_system, source_id)
);
CREATE INDEX incidents_agency_time_idx ON incidents (agency_id, occurred_at);
CREATE INDEX incidents_category_idx ON incidents (category);
CREATE INDEX incidents_area_idx ON incidents USING gin (area_ids);

-- Append-only, hash-chained audit log: hash = sha256(prev_hash || canonical row).
CREATE TABLE audit_log (
  id              bigserial PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_user_id   int,
  actor_agency_id int,
  actor_label     text NOT NULL,
  action          text NOT NULL,
  target_type     text,
  target_id       text,
  outcome         text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  -- Network origin of staff requests only; never filled for residents or tipsters.
  source_ip       text,
  details         jsonb NOT NULL DEFAULT '{}',
  prev_hash       text NOT NULL,
  hash            text NOT NULL UNIQUE
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
