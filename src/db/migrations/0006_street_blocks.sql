-- The address gazetteer (src/core/places/gazetteer.ts): one row per published hundred block of an agency's
-- own incidents, with the block's representative point (the median of its incidents' positions; sensitive
-- categories left out). Derived data: rebuilt from incidents when they change, never edited by hand.
CREATE TABLE IF NOT EXISTS street_blocks (
  agency_id  int NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  -- Normalised street: directional (N, S… or ''), name ('52', 'BROAD'), suffix (ST, AVE… or '').
  dir        text NOT NULL DEFAULT '',
  name       text NOT NULL,
  suffix     text NOT NULL DEFAULT '',
  block      int NOT NULL,
  lon        float8 NOT NULL,
  lat        float8 NOT NULL,
  incidents  int NOT NULL,
  PRIMARY KEY (agency_id, name, dir, suffix, block)
);
CREATE INDEX IF NOT EXISTS street_blocks_name_idx ON street_blocks (name);

-- Which state of an agency's incidents the gazetteer was built from (count, newest id, latest update).
CREATE TABLE IF NOT EXISTS street_block_builds (
  agency_id          int PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
  incidents_version  text NOT NULL,
  built_at           timestamptz NOT NULL DEFAULT now()
);
