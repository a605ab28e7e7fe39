CREATE TABLE "service_rating" (
	"application_id" integer PRIMARY KEY NOT NULL,
	"service_id" integer NOT NULL,
	"executor_id" integer,
	"score" smallint NOT NULL,
	"answers" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_rating_score_range" CHECK ("service_rating"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "is_completed_within_term" boolean;--> statement-breakpoint
ALTER TABLE "service_rating" ADD CONSTRAINT "service_rating_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_rating" ADD CONSTRAINT "service_rating_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_rating" ADD CONSTRAINT "service_rating_executor_id_user_account_id_fk" FOREIGN KEY ("executor_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_rating_service_idx" ON "service_rating" USING btree ("service_id","created_at");--> statement-breakpoint
CREATE INDEX "service_rating_executor_idx" ON "service_rating" USING btree ("executor_id","created_at");