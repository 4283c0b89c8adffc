-- Change notification between replicas: every server process LISTENs, so a
-- change committed through one replica reaches the SDK streams of all. A
-- NOTIFY sent in a transaction is delivered at commit, and only then.

-- An environment's snapshot changed: {"environment": id, "version": n}.
CREATE FUNCTION notify_snapshot_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dial_snapshot', json_build_object('environment', NEW.id, 'version', NEW.snapshot_version)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER environments_snapshot_changed AFTER UPDATE OF snapshot_version ON environments
  FOR EACH ROW WHEN (OLD.snapshot_version IS DISTINCT FROM NEW.snapshot_version)
  EXECUTE FUNCTION notify_snapshot_changed();

-- Access ended: a token revoked or deleted, {"token": id}, or an environment
-- deleted, {"environment": id}. Open streams of either end.
CREATE FUNCTION notify_token_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dial_revoked', json_build_object('token', OLD.id)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER tokens_revoked AFTER UPDATE OF revoked_at ON tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
  EXECUTE FUNCTION notify_token_revoked();

CREATE TRIGGER tokens_deleted AFTER DELETE ON tokens
  FOR EACH ROW EXECUTE FUNCTION notify_token_revoked();

CREATE FUNCTION notify_environment_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dial_revoked', json_build_object('environment', OLD.id)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER environments_deleted AFTER DELETE ON environments
  FOR EACH ROW EXECUTE FUNCTION notify_environment_deleted();
