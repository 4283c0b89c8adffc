-- Events: what SDKs track and expose, append-only, read by time range.
-- A resent event (same environment and id) is stored once.

CREATE TABLE events (
  environment_id integer NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  event_id text NOT NULL,
  type text NOT NULL CHECK (type IN ('track', 'exposure')),
  -- A tracked event's name, or the flag key of an exposure.
  name text NOT NULL,
  unit_key text NOT NULL,
  variant text,
  attributes jsonb NOT NULL DEFAULT '{}',
  properties jsonb NOT NULL DEFAULT '{}',
  -- When the client says it happened; bounded on receipt to 30 days back and 5 minutes ahead.
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  CONSTRAINT events_environment_event_id UNIQUE (environment_id, event_id)
);

-- Funnels and metrics: one event name over a time range.
CREATE INDEX events_environment_name_time ON events (environment_id, name, occurred_at);
-- Journeys and experiment outcomes: one unit's events in time order.
CREATE INDEX events_environment_unit_time ON events (environment_id, unit_key, occurred_at);

-- The first variant each unit was exposed to, per flag: experiments assign units by it.
CREATE TABLE first_exposures (
  environment_id integer NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  flag_key text NOT NULL,
  unit_key text NOT NULL,
  variant text NOT NULL,
  first_exposed_at timestamptz NOT NULL,
  event_id text NOT NULL,
  PRIMARY KEY (environment_id, flag_key, unit_key)
);
