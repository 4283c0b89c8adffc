-- Journeys: ordered steps through the product, measured as funnels over events.

CREATE TABLE journeys (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- [{ event, label, filters: [{ property, operator, value? }] }], in order: 2 to 10 steps.
  steps jsonb NOT NULL,
  conversion_window_seconds integer NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);

-- Funnels: a name's tracked events in unit order, so that each unit's first
-- event of a step streams out of the index alone (no table access, no hash
-- of a million units), and steps join unit by unit.
CREATE INDEX events_track_name_unit_time ON events (environment_id, name, unit_key, occurred_at) WHERE type = 'track';
