-- Volunteer programs (VIPS, Sentinel, chaplaincy, Explorers, Youth Activities League …): the list is data,
-- one row per program per agency. Age bands allowed are data too, so a youth program is a row, not code.
CREATE TABLE volunteer_programs (
  id            serial PRIMARY KEY,
  agency_id     int NOT NULL REFERENCES agencies(id),
  code          text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name          jsonb NOT NULL,
  description   jsonb NOT NULL,
  -- Youth programs ask for a guardian's name, contact and consent when the applicant is a minor.
  youth         boolean NOT NULL DEFAULT false,
  age_bands     text[] NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  sort          int NOT NULL DEFAULT 100,
  is_demo       boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, code)
);

-- Pipeline states and the moves allowed between them (FixMyStreet's "states as data").
CREATE TABLE volunteer_states (
  code      text PRIMARY KEY,
  label_en  text NOT NULL,
  label_es  text NOT NULL,
  sort      int NOT NULL,
  -- Counted as a serving volunteer (stats, shift sign-up, hours).
  serving   boolean NOT NULL DEFAULT false
);
INSERT INTO volunteer_states (code, label_en, label_es, sort, serving) VALUES
  ('applied',           'Applied',           'Solicitud recibida',   1, false),
  ('interview',         'Interview',         'Entrevista',           2, false),
  ('background_check',  'Background check',  'Verificación de antecedentes', 3, false),
  ('training',          'Training',          'Capacitación',         4, false),
  ('active',            'Active',            'Activo',               5, true),
  ('inactive',          'Inactive',          'Inactivo',             6, false);

CREATE TABLE volunteer_transitions (
  from_state text NOT NULL REFERENCES volunteer_states(code),
  to_state   text NOT NULL REFERENCES volunteer_states(code),
  PRIMARY KEY (from_state, to_state)
);
INSERT INTO volunteer_transitions (from_state, to_state) VALUES
  ('applied', 'interview'), ('applied', 'inactive'),
  ('interview', 'background_check'), ('interview', 'inactive'),
  ('background_check', 'training'), ('background_check', 'inactive'),
  ('training', 'active'), ('training', 'inactive'),
  ('active', 'inactive'),
  ('inactive', 'applied'), ('inactive', 'active');

-- An application and, once accepted, the volunteer. Residents apply without an account.
CREATE TABLE volunteers (
  id                 serial PRIMARY KEY,
  agency_id          int NOT NULL REFERENCES agencies(id),
  program_id         int NOT NULL REFERENCES volunteer_programs(id),
  state              text NOT NULL DEFAULT 'applied' REFERENCES volunteer_states(code),
  given_name         text NOT NULL,
  family_name        text NOT NULL,
  email              text,
  phone              text,
  preferred_contact  text NOT NULL CHECK (preferred_contact IN ('email', 'phone', 'text')),
  language           text NOT NULL DEFAULT 'en',
  age_band           text NOT NULL,
  motivation         text NOT NULL DEFAULT '',
  -- The applicant agreed to be contacted about this application (required to apply).
  contact_consent_at timestamptz NOT NULL,
  guardian_name      text,
  guardian_contact   text,
  guardian_consent_at timestamptz,
  is_demo            boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR phone IS NOT NULL),
  CHECK ((guardian_name IS NULL) = (guardian_consent_at IS NULL))
);
CREATE INDEX volunteers_agency_state_idx ON volunteers (agency_id, state);

-- The pipeline timeline: every state change is a row, never an overwrite.
CREATE TABLE volunteer_timeline (
  id            bigserial PRIMARY KEY,
  volunteer_id  int NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
  from_state    text REFERENCES volunteer_states(code),
  to_state      text NOT NULL REFERENCES volunteer_states(code),
  note          text NOT NULL DEFAULT '',
  actor_user_id int REFERENCES users(id),
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_timeline_volunteer_idx ON volunteer_timeline (volunteer_id, at);

CREATE TABLE volunteer_shifts (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  program_id  int NOT NULL REFERENCES volunteer_programs(id),
  title       text NOT NULL,
  location    text NOT NULL DEFAULT '',
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  capacity    int NOT NULL CHECK (capacity BETWEEN 1 AND 500),
  is_demo     boolean NOT NULL DEFAULT false,
  created_by  int REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX volunteer_shifts_agency_idx ON volunteer_shifts (agency_id, starts_at);

CREATE TABLE volunteer_signups (
  shift_id      int NOT NULL REFERENCES volunteer_shifts(id) ON DELETE CASCADE,
  volunteer_id  int NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shift_id, volunteer_id)
);

-- Hours a volunteer served: logged by staff, counted once a coordinator approves them.
CREATE TABLE volunteer_hours (
  id           serial PRIMARY KEY,
  agency_id    int NOT NULL REFERENCES agencies(id),
  volunteer_id int NOT NULL REFERENCES volunteers(id),
  program_id   int NOT NULL REFERENCES volunteer_programs(id),
  shift_id     int REFERENCES volunteer_shifts(id) ON DELETE SET NULL,
  worked_on    date NOT NULL,
  hours        numeric(5,2) NOT NULL CHECK (hours > 0 AND hours <= 24),
  description  text NOT NULL DEFAULT '',
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  logged_by    int REFERENCES users(id),
  reviewed_by  int REFERENCES users(id),
  reviewed_at  timestamptz,
  is_demo      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_hours_agency_idx ON volunteer_hours (agency_id, status, worked_on);
