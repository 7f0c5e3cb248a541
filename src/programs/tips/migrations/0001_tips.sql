-- Crime Stoppers tips: anonymous tips from the web form and by text message, triaged by staff.
-- Nothing here identifies a tipster: no address, no user agent, no phone number in the clear. The phone of a
-- text tipster exists only as a keyed hash (to thread later texts) and, while the conversation is open, as an
-- entry encrypted with the server key (to send replies).

-- Workflow states are data; a change of state is an entry on the tip's timeline, never an overwrite only.
CREATE TABLE tip_states (
  code         text PRIMARY KEY,
  -- { "en", "es" } for staff, and what the tipster is told (deliberately vaguer).
  label        jsonb NOT NULL,
  public_label jsonb NOT NULL,
  sort         int NOT NULL,
  is_closed    boolean NOT NULL DEFAULT false
);
INSERT INTO tip_states (code, label, public_label, sort, is_closed) VALUES
  ('new',         '{"en":"New","es":"Nueva"}',               '{"en":"Received","es":"Recibida"}',          1, false),
  ('assigned',    '{"en":"Assigned","es":"Asignada"}',        '{"en":"Being reviewed","es":"En revisión"}', 2, false),
  ('in_progress', '{"en":"In progress","es":"En curso"}',     '{"en":"Being reviewed","es":"En revisión"}', 3, false),
  ('closed',      '{"en":"Closed","es":"Cerrada"}',           '{"en":"Closed","es":"Cerrada"}',             4, true);

-- Which state changes are allowed; a department can add rows (e.g. a 'waiting_for_tipster' state).
CREATE TABLE tip_transitions (
  from_state text NOT NULL REFERENCES tip_states(code),
  to_state   text NOT NULL REFERENCES tip_states(code),
  PRIMARY KEY (from_state, to_state)
);
INSERT INTO tip_transitions (from_state, to_state) VALUES
  ('new', 'assigned'), ('new', 'in_progress'), ('new', 'closed'),
  ('assigned', 'new'), ('assigned', 'in_progress'), ('assigned', 'closed'),
  ('in_progress', 'assigned'), ('in_progress', 'closed'),
  ('closed', 'in_progress');

-- How a closed tip ended (dashboards count these).
CREATE TABLE tip_outcomes (
  code  text PRIMARY KEY,
  label jsonb NOT NULL,
  sort  int NOT NULL
);
INSERT INTO tip_outcomes (code, label, sort) VALUES
  ('arrest',       '{"en":"Led to an arrest","es":"Llevó a un arresto"}',             1),
  ('useful',       '{"en":"Useful to an investigation","es":"Útil para una investigación"}', 2),
  ('forwarded',    '{"en":"Handed to another agency","es":"Entregada a otra agencia"}', 3),
  ('no_action',    '{"en":"No action possible","es":"No fue posible actuar"}',        4),
  ('insufficient', '{"en":"Not enough information","es":"Información insuficiente"}', 5),
  ('duplicate',    '{"en":"Duplicate","es":"Duplicada"}',                             6),
  ('prank',        '{"en":"Prank or abuse","es":"Broma o abuso"}',                    7);

CREATE TABLE tip_categories (
  code   text PRIMARY KEY,
  label  jsonb NOT NULL,
  sort   int NOT NULL,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO tip_categories (code, label, sort) VALUES
  ('homicide',      '{"en":"Homicide","es":"Homicidio"}',                                1),
  ('shooting',      '{"en":"Shooting or guns","es":"Tiroteo o armas"}',                  2),
  ('gang',          '{"en":"Gang activity","es":"Actividad de pandillas"}',              3),
  ('drugs',         '{"en":"Drug dealing","es":"Venta de drogas"}',                      4),
  ('robbery',       '{"en":"Robbery","es":"Robo con violencia"}',                        5),
  ('burglary',      '{"en":"Burglary or theft","es":"Allanamiento o robo"}',             6),
  ('vehicle',       '{"en":"Stolen vehicle","es":"Vehículo robado"}',                    7),
  ('trafficking',   '{"en":"Human trafficking","es":"Trata de personas"}',               8),
  ('child_abuse',   '{"en":"Child abuse","es":"Abuso infantil"}',                        9),
  ('fraud',         '{"en":"Fraud or scam","es":"Fraude o estafa"}',                    10),
  ('wanted',        '{"en":"Wanted person","es":"Persona buscada"}',                     11),
  ('other',         '{"en":"Something else","es":"Otra cosa"}',                          99);

-- Investigative units a tip is routed to. agency_id NULL: offered to every agency.
CREATE TABLE tip_units (
  id        serial PRIMARY KEY,
  agency_id int REFERENCES agencies(id),
  code      text NOT NULL,
  label     jsonb NOT NULL
);
CREATE UNIQUE INDEX tip_units_code_idx ON tip_units (COALESCE(agency_id, 0), code);
INSERT INTO tip_units (code, label) VALUES
  ('homicide',  '{"en":"Homicide","es":"Homicidios"}'),
  ('gangs',     '{"en":"Gang unit","es":"Unidad de pandillas"}'),
  ('crt',       '{"en":"Community response team (CRT)","es":"Equipo de respuesta comunitaria (CRT)"}'),
  ('narcotics', '{"en":"Narcotics","es":"Narcóticos"}'),
  ('robbery',   '{"en":"Robbery","es":"Robos"}'),
  ('svu',       '{"en":"Special victims","es":"Víctimas especiales"}'),
  ('fugitive',  '{"en":"Fugitive squad","es":"Escuadrón de fugitivos"}'),
  ('financial', '{"en":"Financial crimes","es":"Delitos financieros"}'),
  ('patrol',    '{"en":"District patrol","es":"Patrulla del distrito"}');

CREATE TABLE tips (
  id                bigserial PRIMARY KEY,
  agency_id         int NOT NULL REFERENCES agencies(id),
  -- 'T' + 10 random base32 characters + a check character: about 50 bits, never sequential.
  number            text NOT NULL UNIQUE,
  -- HMAC-SHA256 of the passphrase under a key derived from the server key (see README); null for text tips.
  passphrase_mac    text,
  passphrase_kind   text CHECK (passphrase_kind IN ('generated', 'chosen')),
  channel           text NOT NULL CHECK (channel IN ('web', 'sms')),
  category          text NOT NULL REFERENCES tip_categories(code),
  description       text NOT NULL,
  location_text     text,
  lon               float8,
  lat               float8,
  occurred_at       timestamptz,
  occurred_text     text,
  language          text NOT NULL DEFAULT 'en',
  state             text NOT NULL DEFAULT 'new' REFERENCES tip_states(code),
  outcome           text REFERENCES tip_outcomes(code),
  priority          text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assigned_to       int REFERENCES users(id),
  primary_unit_id   int REFERENCES tip_units(id),
  duplicate_of      bigint REFERENCES tips(id),
  is_prank          boolean NOT NULL DEFAULT false,
  -- The form's hidden honeypot field was filled: most likely a bot, kept (never silently dropped) but flagged.
  suspected_bot     boolean NOT NULL DEFAULT false,
  -- First staff action on the tip (state change, routing, reply): response time on the dashboard.
  first_response_at timestamptz,
  -- Last message or file from the tipster: the queue shows tips with news first.
  last_tipster_at   timestamptz,
  closed_at         timestamptz,
  is_demo           boolean NOT NULL DEFAULT false,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((lon IS NULL) = (lat IS NULL)),
  CHECK (passphrase_mac IS NULL OR passphrase_kind IS NOT NULL)
);
CREATE INDEX tips_queue_idx ON tips (agency_id, state, created_at DESC);
CREATE INDEX tips_created_idx ON tips (agency_id, created_at);

-- Info-only copies to other units (the primary recipient is tips.primary_unit_id).
CREATE TABLE tip_copies (
  tip_id  bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  unit_id int NOT NULL REFERENCES tip_units(id),
  PRIMARY KEY (tip_id, unit_id)
);

-- Tips handed to a partner agency; that agency's staff with tips:read may then read the tip.
CREATE TABLE tip_forwards (
  id           bigserial PRIMARY KEY,
  tip_id       bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  agency_id    int NOT NULL REFERENCES agencies(id),
  note         text NOT NULL DEFAULT '',
  forwarded_by int NOT NULL REFERENCES users(id),
  at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tip_id, agency_id)
);
CREATE INDEX tip_forwards_agency_idx ON tip_forwards (agency_id);

-- Everything that happens to a tip, in order: state changes, routing, notes, and the two-way chat.
CREATE TABLE tip_timeline (
  id                 bigserial PRIMARY KEY,
  tip_id             bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  at                 timestamptz NOT NULL DEFAULT now(),
  kind               text NOT NULL CHECK (kind IN ('submitted', 'state', 'priority', 'assign', 'route', 'forward', 'duplicate',
                       'prank', 'note', 'message_in', 'message_out', 'attachment', 'reward', 'sms')),
  author             text NOT NULL CHECK (author IN ('tipster', 'staff', 'system')),
  user_id            int REFERENCES users(id),
  body               text NOT NULL DEFAULT '',
  data               jsonb NOT NULL DEFAULT '{}',
  visible_to_tipster boolean NOT NULL DEFAULT false
);
CREATE INDEX tip_timeline_tip_idx ON tip_timeline (tip_id, id);

-- Files from tipsters, stored outside the web root after their metadata was removed. No original file name.
CREATE TABLE tip_attachments (
  id          bigserial PRIMARY KEY,
  tip_id      bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('image', 'video', 'document')),
  mime        text NOT NULL,
  bytes       int NOT NULL,
  sha256      text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_attachments_tip_idx ON tip_attachments (tip_id);

-- Wrong-passphrase throttling per tip number, keyed by an HMAC of the number so that unknown numbers are
-- throttled exactly like real ones (the answer never tells whether a number exists).
CREATE TABLE tip_access_throttle (
  number_key      text PRIMARY KEY,
  failures        int NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tip_access_throttle_age_idx ON tip_access_throttle (last_failure_at);

-- Text-message conversations. phone_key = HMAC of the number (threading); relay_enc = the number encrypted
-- with the server key, kept only while the conversation is open. STOP, ending it from the console or 30 quiet
-- days erase both. Closing the tip does not: the tipster can still be told of a reward and add information.
CREATE TABLE tip_sms_conversations (
  id              bigserial PRIMARY KEY,
  tip_id          bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  phone_key       text,
  relay_enc       text,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'stopped', 'closed')),
  opened_at       timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  CHECK (status = 'open' OR (phone_key IS NULL AND relay_enc IS NULL))
);
CREATE UNIQUE INDEX tip_sms_open_phone_idx ON tip_sms_conversations (phone_key) WHERE status = 'open';
CREATE INDEX tip_sms_conversations_tip_idx ON tip_sms_conversations (tip_id);
CREATE INDEX tip_sms_open_age_idx ON tip_sms_conversations (last_message_at) WHERE status = 'open';

-- Webhook deliveries already handled (Twilio retries), by a keyed hash of the MessageSid.
CREATE TABLE tip_sms_seen (
  sid_key text PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now()
);

-- The development and test SMS sender: replies are written here instead of being sent. Never a phone number.
CREATE TABLE tip_sms_outbox (
  id              bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL REFERENCES tip_sms_conversations(id) ON DELETE CASCADE,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- Rewards: proposed by a handler when a tip led to an arrest, decided by the board, collected by tip number.
CREATE TABLE tip_rewards (
  id                 bigserial PRIMARY KEY,
  tip_id             bigint NOT NULL REFERENCES tips(id) ON DELETE CASCADE,
  status             text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'paid')),
  proposed_cents     int CHECK (proposed_cents IS NULL OR proposed_cents > 0),
  approved_cents     int CHECK (approved_cents IS NULL OR approved_cents > 0),
  reason             text NOT NULL,
  proposed_by        int NOT NULL REFERENCES users(id),
  proposed_at        timestamptz NOT NULL DEFAULT now(),
  decided_by         int REFERENCES users(id),
  decided_at         timestamptz,
  decision_note      text,
  -- One-time collection code shown only to the tipster, encrypted with the server key.
  collection_enc     text,
  paid_by            int REFERENCES users(id),
  paid_at            timestamptz,
  CHECK (status <> 'approved' OR (approved_cents IS NOT NULL AND collection_enc IS NOT NULL))
);
CREATE UNIQUE INDEX tip_rewards_live_idx ON tip_rewards (tip_id) WHERE status <> 'rejected';
