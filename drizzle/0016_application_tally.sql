CREATE TABLE "application_tally" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"status" text NOT NULL,
	"executor_id" integer NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_tally_place_idx" ON "application_tally" USING btree ("service_id","status","executor_id","delta");