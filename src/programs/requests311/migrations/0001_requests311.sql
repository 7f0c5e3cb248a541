-- Quality-of-life reports (graffiti, abandoned cars, streetlights…) through the Open311 GeoReport v2 API.
-- These are not tips: they are public by design (Open311 lists them), kept apart from the tips program's tables,
-- and tips never appear here. Contact fields Open311 allows (email, phone, names, device id) are not stored.

CREATE TABLE open311_services (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9_-]+$'),
  -- { "en", "es" }
  name        jsonb NOT NULL,
  description jsonb NOT NULL,
  grp         text NOT NULL,
  keywords    text NOT NULL DEFAULT '',
  sort        int NOT NULL,
  active      boolean NOT NULL DEFAULT true
);
INSERT INTO open311_services (code, name, description, grp, keywords, sort) VALUES
  ('graffiti',          '{"en":"Graffiti","es":"Grafiti"}',
                        '{"en":"Graffiti on a wall, sign or other surface","es":"Grafiti en una pared, letrero u otra superficie"}', 'street', 'graffiti,tagging,vandalism', 1),
  ('abandoned_vehicle', '{"en":"Abandoned vehicle","es":"Vehículo abandonado"}',
                        '{"en":"A vehicle left on the street for a long time","es":"Un vehículo dejado en la calle por mucho tiempo"}', 'street', 'car,abandoned,vehicle', 2),
  ('streetlight',       '{"en":"Streetlight out","es":"Farola apagada"}',
                        '{"en":"A streetlight that is out, flickering or damaged","es":"Una farola apagada, parpadeando o dañada"}', 'lighting', 'light,lamp,dark', 3),
  ('illegal_dumping',   '{"en":"Illegal dumping","es":"Vertido ilegal"}',
                        '{"en":"Trash, tires or furniture dumped on a lot or street","es":"Basura, llantas o muebles tirados en un lote o en la calle"}', 'sanitation', 'trash,dumping,tires', 4),
  ('pothole',           '{"en":"Pothole","es":"Bache"}',
                        '{"en":"A pothole in the roadway","es":"Un bache en la calzada"}', 'street', 'road,pothole', 5),
  ('vacant_building',   '{"en":"Open vacant building","es":"Edificio vacío abierto"}',
                        '{"en":"A vacant building that is open to trespass","es":"Un edificio vacío abierto a intrusos"}', 'property', 'vacant,building,blight', 6);

CREATE TABLE open311_requests (
  id            bigserial PRIMARY KEY,
  agency_id     int NOT NULL REFERENCES agencies(id),
  service_code  text NOT NULL REFERENCES open311_services(code),
  description   text NOT NULL DEFAULT '',
  lat           float8,
  lon           float8,
  address       text,
  zipcode       text,
  media_url     text,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  status_notes  text,
  requested_at  timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  is_demo       boolean NOT NULL DEFAULT false,
  CHECK ((lat IS NULL) = (lon IS NULL)),
  CHECK (lat IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX open311_requests_list_idx ON open311_requests (agency_id, requested_at DESC);
