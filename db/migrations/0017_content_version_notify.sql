-- The embedded database (PGlite) lives in one process, so that process can learn of every
-- committed change from a notification instead of asking for the version before each public
-- page (decision 016, addendum). The notification is sent at commit, once per transaction,
-- and only when the version actually rose. PostgreSQL deployments ignore it and keep reading.
CREATE OR REPLACE FUNCTION podium_raise_content_version() RETURNS trigger AS $$
BEGIN
  UPDATE content_versions
     SET version = version + 1, last_transaction = txid_current()
   WHERE id = 1 AND last_transaction IS DISTINCT FROM txid_current();
  IF FOUND THEN
    PERFORM pg_notify('podium_content_version', '');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
