-- Event retention: how many days each project keeps its events, enforced by
-- a background job that deletes what is older, in small batches.

ALTER TABLE projects ADD COLUMN event_retention_days integer NOT NULL DEFAULT 90
  CHECK (event_retention_days BETWEEN 1 AND 3650);

-- The job finds an environment's oldest events and first exposures by these;
-- both grow at their right edge, as time goes, so they cost writes little.
CREATE INDEX events_environment_time ON events (environment_id, occurred_at);
CREATE INDEX first_exposures_environment_time ON first_exposures (environment_id, first_exposed_at);
