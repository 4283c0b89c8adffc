-- Analyses kept current as events arrive.
--
-- Every statement that writes or deletes events or first exposures notes
-- the units it touched, with the transaction that did it. A reader that has
-- taken in every note of a transaction at or after its watermark, and then
-- moves the watermark to its snapshot's xmin, has missed nothing: every
-- transaction before that xmin had ended when it read, and every later one
-- is still ahead of the mark.

CREATE TABLE changed_units (
  environment_id integer NOT NULL,
  unit_key text NOT NULL,
  written_by xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX changed_units_written_by ON changed_units (written_by);

CREATE FUNCTION note_changed_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO changed_units (environment_id, unit_key) SELECT DISTINCT environment_id, unit_key FROM changed_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER events_inserted AFTER INSERT ON events
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed_units();
CREATE TRIGGER events_deleted AFTER DELETE ON events
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed_units();
CREATE TRIGGER first_exposures_inserted AFTER INSERT ON first_exposures
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed_units();
CREATE TRIGGER first_exposures_deleted AFTER DELETE ON first_exposures
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION note_changed_units();

-- Journey paths: for each event a unit could enter a journey with (each of
-- its step-0 events), how far the unit went from it. A funnel over a range
-- then reads one row per entered unit: the entry in the range whose
-- previous step-0 event is before the range.

CREATE TABLE journey_path_sets (
  journey_id integer NOT NULL REFERENCES journeys (id) ON DELETE CASCADE,
  environment_id integer NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  -- The steps and conversion window the paths follow; another definition needs new paths.
  definition jsonb NOT NULL,
  -- The watermark: every changed unit noted by an earlier transaction is taken in.
  current_through xid8 NOT NULL,
  built_at timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (journey_id, environment_id)
);

-- Fixed-width columns first, so that a funnel's scan finds them at fixed offsets.
CREATE TABLE journey_paths (
  journey_id integer NOT NULL,
  environment_id integer NOT NULL,
  entered_at timestamptz NOT NULL,
  -- The unit's step-0 event before this one: a range starting after it enters the unit here.
  previous_entered_at timestamptz,
  -- How many steps the unit reached from this entry, the entry's included.
  reached smallint NOT NULL,
  -- Microseconds from entry to step 1 to 9, where reached (exact: computed from the timestamps).
  d1 float8, d2 float8, d3 float8, d4 float8, d5 float8, d6 float8, d7 float8, d8 float8, d9 float8,
  -- The variant of each flag the unit was first exposed to at or before entry: {"flag": "variant"}; null for none.
  exposures jsonb,
  unit_key text NOT NULL,
  entry_event_id text NOT NULL,
  FOREIGN KEY (journey_id, environment_id) REFERENCES journey_path_sets ON DELETE CASCADE
);
CREATE INDEX journey_paths_unit ON journey_paths (journey_id, environment_id, unit_key);

-- Paths read a unit's first exposures to every flag.
CREATE INDEX first_exposures_unit ON first_exposures (environment_id, unit_key);
