-- Neighborhood watch groups: a boundary on the map, captains and members who joined with consent, meetings
-- (events by id), alerts from staff to members, and residents' requests to join or to start a group.
CREATE TABLE watch_groups (
  id           serial PRIMARY KEY,
  agency_id    int NOT NULL REFERENCES agencies(id),
  name         text NOT NULL,
  description  jsonb NOT NULL DEFAULT '{}',
  -- GeoJSON Polygon or MultiPolygon in WGS84; bbox [min lon, min lat, max lon, max lat] for quick lookups.
  boundary     jsonb NOT NULL,
  bbox         float8[] NOT NULL,
  -- The neighborhood it lies in, for the list of groups by neighborhood.
  area_id      int REFERENCES areas(id) ON DELETE SET NULL,
  status       text NOT NULL DEFAULT 'active' CHECK (status IN ('forming', 'active', 'inactive')),
  is_demo      boolean NOT NULL DEFAULT false,
  created_by   int REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, name)
);
CREATE INDEX watch_groups_status_idx ON watch_groups (status);

-- Members joined with explicit consent to be contacted for the group; contact is the minimum needed
-- (an e-mail or a mobile number), and is erased when they leave.
CREATE TABLE watch_members (
  id               serial PRIMARY KEY,
  group_id         int NOT NULL REFERENCES watch_groups(id) ON DELETE CASCADE,
  role             text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'captain')),
  name             text,
  email            text,
  phone            text,
  contact_consent  boolean NOT NULL,
  locale           text NOT NULL DEFAULT 'en',
  -- SHA-256 of the private leave token the person keeps.
  leave_token_hash text NOT NULL UNIQUE,
  joined_at        timestamptz NOT NULL DEFAULT now(),
  left_at          timestamptz,
  CHECK (contact_consent OR (email IS NULL AND phone IS NULL)),
  CHECK (left_at IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL)
);
CREATE INDEX watch_members_group_idx ON watch_members (group_id) WHERE left_at IS NULL;

-- A resident asks to join a group, or to start one where there is none; staff review every request.
CREATE TABLE watch_requests (
  id               serial PRIMARY KEY,
  agency_id        int NOT NULL REFERENCES agencies(id),
  kind             text NOT NULL CHECK (kind IN ('join', 'start')),
  group_id         int REFERENCES watch_groups(id) ON DELETE CASCADE,
  area_id          int REFERENCES areas(id) ON DELETE SET NULL,
  -- Only for 'start': the point picked on the map, rounded to about 100 m (3 decimals), never an address.
  lon              float8,
  lat              float8,
  name             text,
  email            text,
  phone            text,
  contact_consent  boolean NOT NULL CHECK (contact_consent),
  locale           text NOT NULL DEFAULT 'en',
  message          text,
  leave_token_hash text NOT NULL UNIQUE,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined', 'withdrawn')),
  member_id        int REFERENCES watch_members(id) ON DELETE SET NULL,
  decided_by       int REFERENCES users(id),
  decided_at       timestamptz,
  decision_note    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'start' OR group_id IS NOT NULL),
  CHECK (email IS NOT NULL OR phone IS NOT NULL OR status <> 'pending')
);
CREATE INDEX watch_requests_agency_idx ON watch_requests (agency_id, status);

-- Meetings and trainings are events of the events program, referred to by id only.
CREATE TABLE watch_meetings (
  id          serial PRIMARY KEY,
  group_id    int NOT NULL REFERENCES watch_groups(id) ON DELETE CASCADE,
  event_id    int NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('meeting', 'training')),
  title       jsonb NOT NULL,
  -- A copy of the event's start, for ordering and for the group page without asking the events program.
  starts_at   timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (group_id, event_id)
);

-- Alerts staff sent to a group: what was said and how many were reached (never to whom).
CREATE TABLE watch_alerts (
  id            serial PRIMARY KEY,
  group_id      int NOT NULL REFERENCES watch_groups(id) ON DELETE CASCADE,
  subject       jsonb NOT NULL,
  body          jsonb NOT NULL,
  channels      text[] NOT NULL,
  sent_email    int NOT NULL DEFAULT 0,
  sent_sms      int NOT NULL DEFAULT 0,
  failed        int NOT NULL DEFAULT 0,
  sent_by       int REFERENCES users(id),
  sent_at       timestamptz NOT NULL DEFAULT now()
);
