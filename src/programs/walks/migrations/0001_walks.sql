-- Neighborhood Impact walks: a few days after a violent crime, staff and partners walk the blocks around it,
-- talk with neighbors and share resources. Opened by rule from incidents, or by hand.

-- The agency's rules: which categories open a walk, when it is due, how big the canvass area is.
CREATE TABLE walk_rules (
  agency_id          int PRIMARY KEY REFERENCES agencies(id),
  categories         text[] NOT NULL DEFAULT '{homicide,shooting}',
  due_min_days       int NOT NULL DEFAULT 3 CHECK (due_min_days >= 0),
  due_max_days       int NOT NULL DEFAULT 7,
  radius_m           int NOT NULL DEFAULT 300 CHECK (radius_m BETWEEN 50 AND 3000),
  -- When set, the canvass area is the area of this kind containing the incident (when there is one).
  canvass_area_kind  text CHECK (canvass_area_kind IN ('neighborhood', 'crt_zone', 'sco_post', 'beat', 'custom')),
  -- Tip line printed on the walk packet's card: { phone, text, web }.
  tip_line           jsonb NOT NULL DEFAULT '{}',
  updated_by         int REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (due_max_days >= due_min_days AND due_max_days <= 60)
);

CREATE TABLE walks (
  id               serial PRIMARY KEY,
  agency_id        int NOT NULL REFERENCES agencies(id),
  -- One walk per incident: the rule and a person opening the same walk twice meet this constraint.
  incident_id      bigint UNIQUE REFERENCES incidents(id) ON DELETE SET NULL,
  title            text NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'in_progress', 'completed', 'cancelled')),
  opened_by        text NOT NULL CHECK (opened_by IN ('rule', 'staff', 'demo')),
  center_lon       float8 NOT NULL,
  center_lat       float8 NOT NULL,
  center_x         float8 NOT NULL,
  center_y         float8 NOT NULL,
  radius_m         int NOT NULL,
  canvass_area_id  int REFERENCES areas(id) ON DELETE SET NULL,
  hundred_block    text,
  due_from         timestamptz NOT NULL,
  due_to           timestamptz NOT NULL,
  scheduled_for    timestamptz,
  meeting_point    text,
  -- { en: [...], es: [...] } when the walk has its own; else the packet's defaults.
  talking_points   jsonb,
  started_at       timestamptz,
  completed_at     timestamptz,
  is_demo          boolean NOT NULL DEFAULT false,
  demo_note        text,
  created_by       int REFERENCES users(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (due_to >= due_from)
);
CREATE INDEX walks_agency_idx ON walks (agency_id, status, due_to);

-- Who walks: staff accounts or named people (chaplains, partner-organisation volunteers).
CREATE TABLE walk_team (
  id            serial PRIMARY KEY,
  walk_id       int NOT NULL REFERENCES walks(id) ON DELETE CASCADE,
  user_id       int REFERENCES users(id),
  name          text NOT NULL,
  role          text NOT NULL CHECK (role IN ('cso', 'chaplain', 'officer', 'volunteer', 'partner', 'other')),
  organisation  text
);
CREATE INDEX walk_team_walk_idx ON walk_team (walk_id);

-- The walk's timeline: every change of state and every note, never an overwrite.
CREATE TABLE walk_events (
  id         bigserial PRIMARY KEY,
  walk_id    int NOT NULL REFERENCES walks(id) ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  user_id    int REFERENCES users(id),
  kind       text NOT NULL,
  details    jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX walk_events_walk_idx ON walk_events (walk_id, at);

-- One door visited, recorded on a phone. The id is made by the phone, so a visit sent twice (a retry after
-- a lost answer) is stored once. Residents' contact details only with their consent; blocks, never house numbers.
CREATE TABLE walk_visits (
  id               uuid PRIMARY KEY,
  walk_id          int NOT NULL REFERENCES walks(id) ON DELETE CASCADE,
  agency_id        int NOT NULL REFERENCES agencies(id),
  visited_at       timestamptz NOT NULL,
  block            text,
  outcome          text NOT NULL CHECK (outcome IN ('no_answer', 'conversation', 'declined', 'left_material')),
  concerns         text[] NOT NULL DEFAULT '{}',
  concern_note     text,
  resources        text[] NOT NULL DEFAULT '{}',
  wants_watch      boolean NOT NULL DEFAULT false,
  wants_volunteer  boolean NOT NULL DEFAULT false,
  consent          boolean NOT NULL DEFAULT false,
  contact_name     text,
  contact_phone    text,
  contact_email    text,
  tip_text         text,
  -- The tips program's number for the tip, once it was handed over.
  tip_number       text,
  language         text NOT NULL DEFAULT 'en',
  recorded_by      int REFERENCES users(id),
  received_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (consent OR (contact_name IS NULL AND contact_phone IS NULL AND contact_email IS NULL))
);
CREATE INDEX walk_visits_walk_idx ON walk_visits (walk_id);

-- Follow-up work from what neighbors raised, with an owner and a due date.
CREATE TABLE walk_tasks (
  id            serial PRIMARY KEY,
  walk_id       int NOT NULL REFERENCES walks(id) ON DELETE CASCADE,
  agency_id     int NOT NULL REFERENCES agencies(id),
  visit_id      uuid REFERENCES walk_visits(id) ON DELETE SET NULL,
  concern       text NOT NULL,
  description   text NOT NULL,
  owner_user_id int REFERENCES users(id),
  owner_name    text,
  due_on        date NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  completed_at  timestamptz,
  created_by    int REFERENCES users(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (owner_user_id IS NOT NULL OR owner_name IS NOT NULL)
);
CREATE INDEX walk_tasks_agency_idx ON walk_tasks (agency_id, status, due_on);
