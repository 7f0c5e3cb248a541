-- Street corners for the address gazetteer (src/core/places/gazetteer.ts): records published at a corner
-- ("N 52ND ST & W GIRARD AVE") rather than a hundred block, one row per pair of normalised streets, with the
-- corner's representative point (the median of its incidents' positions; sensitive categories left out).
-- The pair is stored in a fixed order (a before b by name, dir, suffix). Derived data, like street_blocks.
CREATE TABLE IF NOT EXISTS street_corners (
  agency_id  int NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  a_dir      text NOT NULL DEFAULT '',
  a_name     text NOT NULL,
  a_suffix   text NOT NULL DEFAULT '',
  b_dir      text NOT NULL DEFAULT '',
  b_name     text NOT NULL,
  b_suffix   text NOT NULL DEFAULT '',
  lon        float8 NOT NULL,
  lat        float8 NOT NULL,
  incidents  int NOT NULL,
  PRIMARY KEY (agency_id, a_name, a_dir, a_suffix, b_name, b_dir, b_suffix)
);
CREATE INDEX IF NOT EXISTS street_corners_names_idx ON street_corners (a_name, b_name);

-- Gazetteers built before corners existed are rebuilt on their next check.
DELETE FROM street_block_builds;
