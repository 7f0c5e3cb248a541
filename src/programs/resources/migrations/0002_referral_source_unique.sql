-- One referral per source record and need: another program may send the same record again (a phone re-syncing
-- its walk visits) and nothing is counted twice.
CREATE UNIQUE INDEX resource_referrals_source_idx ON resource_referrals (source_program, source_ref, need)
  WHERE source_program IS NOT NULL AND source_ref IS NOT NULL;
