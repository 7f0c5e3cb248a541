-- The Community Advisory Board: its vision and mission, seats (how many is data), members and their terms,
-- meetings (events by id) with agenda, minutes and attendance, and residents' questions to the Chief.
CREATE TABLE board_profiles (
  agency_id    int PRIMARY KEY REFERENCES agencies(id),
  name         jsonb NOT NULL,
  vision       jsonb NOT NULL,
  mission      jsonb NOT NULL,
  -- Shown with the questions: who answers them ("Chief of Police", "Police Commissioner").
  answerer     jsonb NOT NULL DEFAULT '{"en": "the Chief of Police", "es": "el Jefe de Policía"}',
  is_demo      boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE board_seats (
  id              serial PRIMARY KEY,
  agency_id       int NOT NULL REFERENCES agencies(id),
  number          int NOT NULL CHECK (number > 0),
  -- What the seat represents ("District 24", "Youth seat"), in both languages.
  label           jsonb NOT NULL,
  -- Who fills it by default ("Mayor", "City Council"); each term records who actually appointed.
  appointing_body text NOT NULL,
  active          boolean NOT NULL DEFAULT true,
  UNIQUE (agency_id, number)
);

CREATE TABLE board_terms (
  id              serial PRIMARY KEY,
  seat_id         int NOT NULL REFERENCES board_seats(id) ON DELETE CASCADE,
  member_name     text NOT NULL,
  -- A short public biography, in both languages; members agree to it being public when appointed.
  bio             jsonb NOT NULL DEFAULT '{}',
  appointing_body text NOT NULL,
  term_start      date NOT NULL,
  term_end        date NOT NULL,
  ended_early     date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end > term_start),
  CHECK (ended_early IS NULL OR (ended_early >= term_start AND ended_early <= term_end))
);
CREATE INDEX board_terms_seat_idx ON board_terms (seat_id, term_start);

CREATE TABLE board_meetings (
  id          serial PRIMARY KEY,
  agency_id   int NOT NULL REFERENCES agencies(id),
  -- The event of the events program (RSVP, calendar); stored by id only.
  event_id    int,
  title       jsonb NOT NULL,
  starts_at   timestamptz NOT NULL,
  agenda      jsonb NOT NULL,
  minutes     jsonb,
  status      text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX board_meetings_agency_idx ON board_meetings (agency_id, starts_at);

CREATE TABLE board_attendance (
  meeting_id  int NOT NULL REFERENCES board_meetings(id) ON DELETE CASCADE,
  term_id     int NOT NULL REFERENCES board_terms(id) ON DELETE CASCADE,
  present     boolean NOT NULL,
  PRIMARY KEY (meeting_id, term_id)
);

-- Questions from the public to the Chief: no account, no name. An e-mail only with consent, to say the
-- answer is published; it is erased once that message is sent or the question is declined.
CREATE TABLE board_questions (
  id               serial PRIMARY KEY,
  agency_id        int NOT NULL REFERENCES agencies(id),
  question         text NOT NULL,
  language         text NOT NULL DEFAULT 'en',
  email            text,
  contact_consent  boolean NOT NULL DEFAULT false,
  status           text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'declined', 'answered')),
  -- The question as published (moderators may remove names or addresses); the original stays private.
  published_question jsonb,
  answer           jsonb,
  moderation_note  text,
  moderated_by     int REFERENCES users(id),
  answered_by      int REFERENCES users(id),
  answered_at      timestamptz,
  notified_at      timestamptz,
  is_demo          boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (contact_consent OR email IS NULL),
  CHECK (status <> 'answered' OR (answer IS NOT NULL AND published_question IS NOT NULL))
);
CREATE INDEX board_questions_agency_idx ON board_questions (agency_id, status);
