-- Projects, their environments, flags with per-environment configuration, and segments.

CREATE TABLE projects (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE environments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  -- The version of what SDKs download for this environment: raised in the
  -- same transaction as every flag, configuration or segment change that
  -- reaches it, so a larger number always means a newer snapshot.
  snapshot_version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);

CREATE TABLE flags (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('boolean', 'string', 'number', 'json')),
  -- [{ key, value, name?, description? }], in the order people see them.
  variants jsonb NOT NULL,
  -- What a new environment serves: the fallthrough when on, and the off variant.
  on_variant text NOT NULL,
  off_variant text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  owner text NOT NULL DEFAULT '',
  lifetime text NOT NULL CHECK (lifetime IN ('temporary', 'permanent')),
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);
CREATE INDEX flags_tags ON flags USING gin (tags);

CREATE TABLE flag_configs (
  flag_id integer NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
  environment_id integer NOT NULL REFERENCES environments (id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT false,
  off_variant text NOT NULL,
  prerequisites jsonb NOT NULL DEFAULT '[]',
  rules jsonb NOT NULL DEFAULT '[]',
  fallthrough jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (flag_id, environment_id)
);
CREATE INDEX flag_configs_environment ON flag_configs (environment_id);

CREATE TABLE segments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  include jsonb NOT NULL DEFAULT '[]',
  exclude jsonb NOT NULL DEFAULT '[]',
  rules jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, key)
);

-- Every new database starts with one project and its production environment.
INSERT INTO projects (key, name, description) VALUES ('default', 'Default', 'Created on first start');
INSERT INTO environments (project_id, key, name)
  SELECT id, 'production', 'Production' FROM projects WHERE key = 'default';
