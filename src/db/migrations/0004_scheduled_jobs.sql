-- Recurring jobs of core and programs. A run is claimed by moving next_run_at forward in one UPDATE, so two
-- server processes never run the same job at the same time.
CREATE TABLE scheduled_jobs (
  name         text PRIMARY KEY,
  next_run_at  timestamptz NOT NULL,
  last_started_at  timestamptz,
  last_finished_at timestamptz,
  last_outcome text CHECK (last_outcome IN ('success', 'failure')),
  last_error   text
);
