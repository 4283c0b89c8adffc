-- Console sign-ins: an admin token exchanged for a cookie. Only a SHA-256 of
-- the cookie's secret is kept; a session lives as long as its token is active
-- and it is used within the idle limit.

CREATE TABLE sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  secret_hash text NOT NULL UNIQUE,
  token_id integer NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_token ON sessions (token_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);
