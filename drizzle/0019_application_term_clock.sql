ALTER TABLE "application" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "paused_days_left" integer;--> statement-breakpoint
CREATE INDEX "application_running_due_idx" ON "application" USING btree ("due_on","submitted_at","id") WHERE "application"."due_on" is not null;--> statement-breakpoint
CREATE INDEX "application_paused_due_idx" ON "application" USING btree ("paused_days_left","submitted_at","id") WHERE "application"."paused_days_left" is not null;--> statement-breakpoint
CREATE INDEX "application_finished_idx" ON "application" USING btree ("submitted_at","id") WHERE "application"."status" in ('completed', 'rejected', 'withdrawn');--> statement-breakpoint
-- The term's clock as the office queue sorts on it, in the same Kazakhstan calendar days (UTC+5)
-- as the waiting-time column (src/lib/applications/waiting-time.ts), kept on every change of what
-- it depends on. Open statuses as in src/lib/applications/status.ts; a clock stands still while
-- paused (clock_paused_at set).
CREATE FUNCTION application_term_clock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	term integer;
	ends date;
BEGIN
	NEW.due_on := NULL;
	NEW.paused_days_left := NULL;
	IF NEW.status IN ('submitted', 'in_progress', 'returned', 'awaiting_signature') AND NEW.submitted_at IS NOT NULL THEN
		SELECT term_days INTO term FROM service WHERE id = NEW.service_id;
		ends := (NEW.submitted_at AT TIME ZONE 'UTC' + interval '5 hours')::date + NEW.paused_seconds / 86400 + term;
		IF NEW.clock_paused_at IS NULL THEN
			NEW.due_on := ends;
		ELSE
			NEW.paused_days_left := least(term, ends - (NEW.clock_paused_at AT TIME ZONE 'UTC' + interval '5 hours')::date);
		END IF;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER application_term_clock BEFORE INSERT OR UPDATE OF status, service_id, submitted_at, paused_seconds, clock_paused_at ON application FOR EACH ROW EXECUTE FUNCTION application_term_clock();
--> statement-breakpoint
-- A service's new term moves the end of every open application's term with it, as the waiting-time
-- column shows it: the no-op assignment runs the trigger above, the one place the clock is worked out.
CREATE FUNCTION service_term_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE application SET service_id = service_id WHERE service_id = NEW.id AND (due_on IS NOT NULL OR paused_days_left IS NOT NULL);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER service_term_change AFTER UPDATE OF term_days ON service FOR EACH ROW WHEN (OLD.term_days IS DISTINCT FROM NEW.term_days) EXECUTE FUNCTION service_term_change();
--> statement-breakpoint
UPDATE application SET service_id = service_id WHERE status IN ('submitted', 'in_progress', 'returned', 'awaiting_signature');
