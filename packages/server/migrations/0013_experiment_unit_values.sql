-- Experiments' unit values kept current as events arrive, as journey paths
-- are (0012): per running or stopped experiment, each exposed unit's value
-- of each metric, and their sums per variant, exposure day and metric.
-- Results then read the sums instead of joining every unit's events.

CREATE TABLE experiment_value_sets (
  experiment_id integer PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
  -- What the values follow: environment, flag, variants, start, the stop (null while running) and the metrics' definitions.
  definition jsonb NOT NULL,
  -- The watermark: every changed unit noted by an earlier transaction is taken in.
  current_through xid8 NOT NULL,
  built_at timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL
);

-- Every unit first exposed to a compared variant from the start (and before the stop), with or without events.
CREATE TABLE experiment_unit_values (
  experiment_id integer NOT NULL REFERENCES experiment_value_sets ON DELETE CASCADE,
  unit_key text NOT NULL,
  variant text NOT NULL,
  first_exposed_at timestamptz NOT NULL,
  -- The latest of its first exposure and the events its values read: a result ending at or before it must compute the unit from its events.
  reach timestamptz NOT NULL,
  -- Its value of each metric, in the definition's order: 1 or 0 for a conversion, the sum or count for a mean.
  metric_values numeric[] NOT NULL
);
-- Not unique: a refresh deletes a unit's old row and inserts its new one in one statement, in no set order.
CREATE INDEX experiment_unit_values_unit ON experiment_unit_values (experiment_id, unit_key);
CREATE INDEX experiment_unit_values_reach ON experiment_unit_values (experiment_id, reach);

-- The sums of the unit values per variant, UTC day of first exposure and metric: 0 counts every unit,
-- 1, 2, … the units with a value of each metric in the definition's order, with the sums of their values and squares.
CREATE TABLE experiment_value_sums (
  experiment_id integer NOT NULL REFERENCES experiment_value_sets ON DELETE CASCADE,
  variant text NOT NULL,
  day date NOT NULL,
  metric smallint NOT NULL,
  units bigint NOT NULL,
  total numeric NOT NULL,
  squares numeric NOT NULL,
  PRIMARY KEY (experiment_id, variant, day, metric)
);

-- Every kind of set kept from changed units, with its watermark: notes below all of them can go.
CREATE VIEW changed_unit_watermarks AS
  SELECT current_through FROM journey_path_sets
  UNION ALL
  SELECT current_through FROM experiment_value_sets;
