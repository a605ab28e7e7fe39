-- The office's counters: every change of a sent application's status, service or executor is
-- appended to application_tally as -1 for the old place and +1 for the new one. Appending only,
-- writers never wait on one another for a counter row. Drafts are the applicant's and not counted.
CREATE FUNCTION application_tally_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.service_id = NEW.service_id AND OLD.assigned_executor_id IS NOT DISTINCT FROM NEW.assigned_executor_id THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'draft' THEN
		INSERT INTO application_tally (service_id, status, executor_id, delta) VALUES (OLD.service_id, OLD.status, coalesce(OLD.assigned_executor_id, 0), -1);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'draft' THEN
		INSERT INTO application_tally (service_id, status, executor_id, delta) VALUES (NEW.service_id, NEW.status, coalesce(NEW.assigned_executor_id, 0), 1);
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER application_tally_change AFTER INSERT OR DELETE OR UPDATE OF status, service_id, assigned_executor_id ON application FOR EACH ROW EXECUTE FUNCTION application_tally_change();
--> statement-breakpoint
INSERT INTO application_tally (service_id, status, executor_id, delta)
SELECT service_id, status, coalesce(assigned_executor_id, 0), count(*) FROM application WHERE status <> 'draft' GROUP BY 1, 2, 3;
