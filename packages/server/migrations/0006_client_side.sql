-- Client-side evaluation: which flags a browser's client key may evaluate,
-- and which web origins may call an environment's client endpoints.

-- Off by default: a flag is evaluated for client keys only once someone says so.
ALTER TABLE flags ADD COLUMN client_side boolean NOT NULL DEFAULT false;

-- Each entry is "*" or an origin such as "https://app.example.com".
ALTER TABLE environments ADD COLUMN cors_origins text[] NOT NULL DEFAULT '{*}';
