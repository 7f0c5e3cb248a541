-- Problem-oriented policing for Community Response Teams (CRT zones) and Strategic Community Officers
-- (SCO posts): who covers which area, problems worked through SARA, neighborhood meetings, the SCO log.

-- Who covered which CRT zone or SCO post, and when: rows are ended, never rewritten, so history stays.
CREATE TABLE area_assignments (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  area_id     int NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('crt', 'sco')),
  team_name   text,
  user_id     int REFERENCES users(id),
  starts_on   date NOT NULL,
  ends_on     date,
  note        text,
  created_by  int REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (team_name IS NOT NULL OR user_id IS NOT NULL),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX area_assignments_area_idx ON area_assignments (agency_id, area_id, starts_on DESC);

-- A problem worked through SARA: scanning, analysis, response, assessment (then closed).
CREATE TABLE problems (
  id              serial PRIMARY KEY,
  agency_id       int NOT NULL REFERENCES agencies(id),
  area_id         int REFERENCES areas(id) ON DELETE SET NULL,
  title           text NOT NULL,
  description     text NOT NULL DEFAULT '',
  categories      text[] NOT NULL DEFAULT '{}',
  stage           text NOT NULL DEFAULT 'scanning' CHECK (stage IN ('scanning', 'analysis', 'response', 'assessment', 'closed')),
  -- Analysis: the problem triangle (victims, offenders, places) and what the data show.
  analysis        jsonb NOT NULL DEFAULT '{}',
  -- Hot-spot cells inside the area when they were last linked (Gi*, as computed then).
  hotspots        jsonb NOT NULL DEFAULT '[]',
  response_start  date,
  -- The last assessment as computed: periods, counts, WDQ and its reading.
  assessment      jsonb,
  is_demo         boolean NOT NULL DEFAULT false,
  created_by      int REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX problems_agency_idx ON problems (agency_id, stage);

CREATE TABLE problem_events (
  id          bigserial PRIMARY KEY,
  problem_id  int NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     int REFERENCES users(id),
  kind        text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX problem_events_problem_idx ON problem_events (problem_id, at);

CREATE TABLE problem_incidents (
  problem_id  int NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
  incident_id bigint NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  PRIMARY KEY (problem_id, incident_id)
);

-- What was done, by whom: police units and partners alike.
CREATE TABLE problem_responses (
  id           serial PRIMARY KEY,
  problem_id   int NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('presence', 'enforcement', 'environmental', 'social_service', 'community', 'other')),
  description  text NOT NULL,
  by_whom      text NOT NULL,
  is_partner   boolean NOT NULL DEFAULT false,
  started_on   date NOT NULL,
  ended_on     date,
  created_by   int REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX problem_responses_problem_idx ON problem_responses (problem_id);

CREATE TABLE neighborhood_meetings (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  area_id     int REFERENCES areas(id) ON DELETE SET NULL,
  held_at     timestamptz NOT NULL,
  place       text NOT NULL,
  attendance  int NOT NULL CHECK (attendance >= 0),
  issues      text[] NOT NULL DEFAULT '{}',
  notes       text,
  is_demo     boolean NOT NULL DEFAULT false,
  created_by  int REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE meeting_problems (
  meeting_id  int NOT NULL REFERENCES neighborhood_meetings(id) ON DELETE CASCADE,
  problem_id  int NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
  PRIMARY KEY (meeting_id, problem_id)
);

-- The SCO engagement log: contacts, referrals, activities. By design it has no place for arrests or citations:
-- an SCO is stationed to engage, and this log is how that work is seen.
CREATE TABLE sco_engagements (
  id           serial PRIMARY KEY,
  agency_id    int NOT NULL REFERENCES agencies(id),
  user_id      int NOT NULL REFERENCES users(id),
  area_id      int REFERENCES areas(id) ON DELETE SET NULL,
  occurred_at  timestamptz NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('contact', 'referral', 'activity')),
  topic        text NOT NULL,
  description  text,
  people       int NOT NULL DEFAULT 1 CHECK (people >= 0),
  referred_to  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'referral' OR referred_to IS NOT NULL)
);
CREATE INDEX sco_engagements_agency_idx ON sco_engagements (agency_id, occurred_at DESC);
