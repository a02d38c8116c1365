-- Calendar clients only replace an event they already hold when SEQUENCE rises.
-- Raising it here, in the database, means no code path can forget to.
CREATE OR REPLACE FUNCTION podium_events_before_update() RETURNS trigger AS $$
BEGIN
  IF NEW.starts_at IS DISTINCT FROM OLD.starts_at
     OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
     OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.sequence := OLD.sequence + 1;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_before_update
  BEFORE UPDATE ON events
  FOR EACH ROW EXECUTE FUNCTION podium_events_before_update();
