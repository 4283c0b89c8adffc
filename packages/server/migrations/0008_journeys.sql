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
