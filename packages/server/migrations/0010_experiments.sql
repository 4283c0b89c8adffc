-- Experiments: metrics that say what to measure of each exposed unit, and
-- experiments that compare a flag's variants in one environment on them.

CREATE TABLE metrics (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  higher_is_better boolean NOT NULL DEFAULT true,
  kind text NOT NULL,
  -- The fields of its kind: { event, where, windowDays, property? } for conversion and mean.
  definition jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);

CREATE TABLE experiments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  hypothesis text NOT NULL DEFAULT '',
  -- By key, as exposures name it: an experiment outlives a deleted flag, with its results.
  flag_key text NOT NULL,
  environment_id integer NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  control_variant text NOT NULL,
  treatment_variants text[] NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'stopped', 'shipped')),
  -- The split of the compared variants when it started, { variant: weight }: what the SRM check expects.
  start_weights jsonb,
  started_at timestamptz,
  stopped_at timestamptz,
  shipped_variant text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);
CREATE INDEX experiments_flag ON experiments (project_id, flag_key);

-- The metrics an experiment reads: one primary, then secondary and guardrail metrics in order.
-- A metric in use cannot be deleted; checked at commit, so deleting a project still takes both with it.
CREATE TABLE experiment_metrics (
  experiment_id integer NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  metric_id integer NOT NULL REFERENCES metrics (id) DEFERRABLE INITIALLY DEFERRED,
  role text NOT NULL CHECK (role IN ('primary', 'secondary', 'guardrail')),
  position integer NOT NULL,
  PRIMARY KEY (experiment_id, metric_id)
);
CREATE INDEX experiment_metrics_metric ON experiment_metrics (metric_id);
