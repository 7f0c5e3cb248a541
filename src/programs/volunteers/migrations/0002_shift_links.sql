-- A volunteer's private link to sign themselves up for shifts: only its SHA-256 is kept. A coordinator issues
-- it to an active volunteer; issuing a new one replaces the old.
ALTER TABLE volunteers ADD COLUMN shift_link_hash text;
CREATE UNIQUE INDEX volunteers_shift_link_idx ON volunteers (shift_link_hash) WHERE shift_link_hash IS NOT NULL;
