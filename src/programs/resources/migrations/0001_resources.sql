-- Needs a service meets: data, so a department can add one without a release.
CREATE TABLE resource_needs (
  code      text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
  label_en  text NOT NULL,
  label_es  text NOT NULL,
  sort      int NOT NULL
);
INSERT INTO resource_needs (code, label_en, label_es, sort) VALUES
  ('crisis',            'Mental-health crisis',          'Crisis de salud mental',              1),
  ('cit',               'Crisis intervention (CIT) partners', 'Socios de intervención en crisis (CIT)', 2),
  ('mental_health',     'Mental-health care',            'Atención de salud mental',            3),
  ('substance_use',     'Substance use treatment',       'Tratamiento por consumo de sustancias', 4),
  ('victim_services',   'Victim services',               'Servicios para víctimas',             5),
  ('domestic_violence', 'Domestic violence support',     'Apoyo por violencia doméstica',       6),
  ('youth',             'Youth programs',                'Programas para jóvenes',              7),
  ('housing',           'Housing and homelessness',      'Vivienda y personas sin hogar',       8),
  ('reentry',           'Re-entry after incarceration',  'Reinserción después de la cárcel',    9),
  ('food',              'Food',                          'Alimentos',                          10),
  ('legal',             'Legal help',                    'Ayuda legal',                        11),
  ('seniors',           'Older adults',                  'Personas mayores',                   12);

-- The directory. A service is listed by one agency but open to everyone; a confidential location (a shelter)
-- has no address or point at all, so nothing can publish it.
CREATE TABLE resource_services (
  id             serial PRIMARY KEY,
  agency_id      int NOT NULL REFERENCES agencies(id),
  name           text NOT NULL,
  organisation   text NOT NULL DEFAULT '',
  description    jsonb NOT NULL,
  needs          text[] NOT NULL,
  -- ISO 639 codes of the languages staff speak (interpreting lines count).
  languages      text[] NOT NULL,
  citywide       boolean NOT NULL DEFAULT true,
  area_ids       int[] NOT NULL DEFAULT '{}',
  phone          text,
  text_line      text,
  website        text,
  address        text,
  lon            float8,
  lat            float8,
  hours          jsonb NOT NULL DEFAULT '{}',
  available_24h  boolean NOT NULL DEFAULT false,
  confidential_location boolean NOT NULL DEFAULT false,
  active         boolean NOT NULL DEFAULT true,
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((lon IS NULL) = (lat IS NULL)),
  CHECK (NOT confidential_location OR (address IS NULL AND lon IS NULL)),
  CHECK (phone IS NOT NULL OR website IS NOT NULL OR text_line IS NOT NULL)
);
CREATE INDEX resource_services_needs_idx ON resource_services USING gin (needs);
CREATE INDEX resource_services_languages_idx ON resource_services USING gin (languages);

-- A referral: which service, for which need, when, and whether it was taken up. No personal data: at most a
-- case reference that means something only inside the referring agency's own records.
CREATE TABLE resource_referrals (
  id             serial PRIMARY KEY,
  agency_id      int NOT NULL REFERENCES agencies(id),
  service_id     int NOT NULL REFERENCES resource_services(id),
  need           text NOT NULL REFERENCES resource_needs(code),
  referred_on    date NOT NULL,
  taken_up       text NOT NULL DEFAULT 'unknown' CHECK (taken_up IN ('yes', 'no', 'unknown')),
  case_ref       text,
  -- Another program's record this referral came from (e.g. 'walks', '42'): ids, never content.
  source_program text,
  source_ref     text,
  is_demo        boolean NOT NULL DEFAULT false,
  created_by     int REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resource_referrals_agency_idx ON resource_referrals (agency_id, referred_on);
