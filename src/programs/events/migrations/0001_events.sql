-- Community events: Coffee with a Cop, town halls, workshops, CRT and Advisory Board meetings, youth events.
-- Other programs (board, watch) refer to an event by its id only.

-- Kinds of event are data. agency_id NULL rows are the platform's defaults; an agency may add its own.
CREATE TABLE event_types (
  id         serial PRIMARY KEY,
  agency_id  int REFERENCES agencies(id),
  code       text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name       jsonb NOT NULL,
  sort       int NOT NULL DEFAULT 100,
  active     boolean NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX event_types_code_idx ON event_types (COALESCE(agency_id, 0), code);

INSERT INTO event_types (code, name, sort) VALUES
  ('coffee_with_a_cop', '{"en": "Coffee with a Cop", "es": "Café con un policía"}', 10),
  ('town_hall', '{"en": "Town hall", "es": "Asamblea comunitaria"}', 20),
  ('workshop_home_security', '{"en": "Workshop: home security", "es": "Taller: seguridad en el hogar"}', 30),
  ('workshop_personal_safety', '{"en": "Workshop: personal safety", "es": "Taller: seguridad personal"}', 40),
  ('crt_meeting', '{"en": "CRT neighborhood meeting", "es": "Reunión vecinal del CRT"}', 50),
  ('advisory_board', '{"en": "Community Advisory Board meeting", "es": "Reunión de la Junta Asesora Comunitaria"}', 60),
  ('watch_meeting', '{"en": "Neighborhood watch meeting or training", "es": "Reunión o capacitación de vigilancia vecinal"}', 70),
  ('youth', '{"en": "Youth event", "es": "Evento juvenil"}', 80);

CREATE TABLE events (
  id              serial PRIMARY KEY,
  agency_id       int NOT NULL REFERENCES agencies(id),
  type_id         int NOT NULL REFERENCES event_types(id),
  -- The program the event belongs to ('events', 'board', 'watch'…): its calendar feed groups by it.
  host_program    text NOT NULL DEFAULT 'events' CHECK (host_program ~ '^[a-z][a-z0-9-]{1,40}$'),
  title           jsonb NOT NULL,
  description     jsonb NOT NULL,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  place_name      text NOT NULL,
  address         text NOT NULL DEFAULT '',
  lon             float8,
  lat             float8,
  -- { "en": "...", "es": "..." }: step-free entrance, interpreters, hearing loop, childcare…
  accessibility   jsonb NOT NULL DEFAULT '{}',
  -- Languages spoken at the event (BCP 47 codes).
  languages       text[] NOT NULL DEFAULT '{en}',
  -- Number of people (party sizes added up); NULL = no limit.
  capacity        int CHECK (capacity IS NULL OR capacity > 0),
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
  -- Reminders go out this many hours before the start.
  reminder_hours  int NOT NULL DEFAULT 24 CHECK (reminder_hours BETWEEN 1 AND 168),
  -- People who came without an RSVP, counted at the door.
  walk_ins        int NOT NULL DEFAULT 0 CHECK (walk_ins >= 0),
  -- iCalendar identity: UID never changes, SEQUENCE grows with every published change.
  uid             uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  sequence        int NOT NULL DEFAULT 0,
  is_demo         boolean NOT NULL DEFAULT false,
  created_by      int REFERENCES users(id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX events_public_idx ON events (status, starts_at);
CREATE INDEX events_agency_idx ON events (agency_id, starts_at);

-- An RSVP keeps as little as possible: a party size, and a name or contact only if the person gave them.
-- Contact details are only kept with explicit consent, and are erased 30 days after the event.
CREATE TABLE event_rsvps (
  id                     serial PRIMARY KEY,
  event_id               int NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  party_size             int NOT NULL DEFAULT 1 CHECK (party_size BETWEEN 1 AND 10),
  status                 text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  name                   text,
  email                  text,
  phone                  text,
  contact_consent        boolean NOT NULL DEFAULT false,
  locale                 text NOT NULL DEFAULT 'en',
  -- SHA-256 of the private cancel token; the token itself is only ever shown to the person.
  cancel_token_hash      text NOT NULL UNIQUE,
  created_at             timestamptz NOT NULL DEFAULT now(),
  promoted_at            timestamptz,
  cancelled_at           timestamptz,
  checked_in_at          timestamptz,
  confirmation_sent_at   timestamptz,
  promotion_sent_at      timestamptz,
  reminder_sent_at       timestamptz,
  followup_sent_at       timestamptz,
  cancellation_sent_at   timestamptz,
  contact_erased_at      timestamptz,
  CHECK (contact_consent OR (email IS NULL AND phone IS NULL))
);
CREATE INDEX event_rsvps_event_idx ON event_rsvps (event_id, status, id);

-- Follow-up survey answers: anonymous, never linked to an RSVP.
CREATE TABLE event_survey_responses (
  id          serial PRIMARY KEY,
  event_id    int NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  rating      int NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_survey_event_idx ON event_survey_responses (event_id);
