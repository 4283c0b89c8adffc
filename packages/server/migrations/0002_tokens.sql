-- API credentials. Only a SHA-256 of each secret is kept; the secret is shown once.

CREATE TABLE tokens (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('admin', 'server', 'client')),
  name text NOT NULL,
  secret_hash text NOT NULL UNIQUE,
  hint text NOT NULL,
  project_id integer REFERENCES projects (id) ON DELETE CASCADE,
  environment_id integer REFERENCES environments (id) ON DELETE CASCADE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  CHECK ((kind = 'admin') = (environment_id IS NULL))
);
CREATE INDEX tokens_environment ON tokens (environment_id);
