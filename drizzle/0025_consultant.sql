CREATE TABLE "consultant_call_signal" (
	"id" serial PRIMARY KEY NOT NULL,
	"conversation_id" integer NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"call_id" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultant_conversation" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"mode" text DEFAULT 'chat' NOT NULL,
	"locale" text NOT NULL,
	"applicant_user_id" integer,
	"visitor_token_hash" text,
	"visitor_name" text NOT NULL,
	"visitor_contact" text,
	"consultant_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" smallint,
	"transcript_sent_at" timestamp with time zone,
	CONSTRAINT "consultant_conversation_public_id_unique" UNIQUE("public_id")
);
--> statement-breakpoint
CREATE TABLE "consultant_duty" (
	"user_id" integer PRIMARY KEY NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultant_message" (
	"id" serial PRIMARY KEY NOT NULL,
	"conversation_id" integer NOT NULL,
	"author" text NOT NULL,
	"author_user_id" integer,
	"body" text NOT NULL,
	"system_args" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultant_call_signal" ADD CONSTRAINT "consultant_call_signal_conversation_id_consultant_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."consultant_conversation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_conversation" ADD CONSTRAINT "consultant_conversation_applicant_user_id_user_account_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_conversation" ADD CONSTRAINT "consultant_conversation_consultant_user_id_user_account_id_fk" FOREIGN KEY ("consultant_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_duty" ADD CONSTRAINT "consultant_duty_user_id_user_account_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_message" ADD CONSTRAINT "consultant_message_conversation_id_consultant_conversation_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."consultant_conversation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultant_message" ADD CONSTRAINT "consultant_message_author_user_id_user_account_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultant_call_signal_conversation_idx" ON "consultant_call_signal" USING btree ("conversation_id","id");--> statement-breakpoint
CREATE INDEX "consultant_conversation_queue_idx" ON "consultant_conversation" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "consultant_conversation_visitor_idx" ON "consultant_conversation" USING btree ("visitor_token_hash") WHERE "consultant_conversation"."visitor_token_hash" is not null;--> statement-breakpoint
CREATE INDEX "consultant_conversation_applicant_idx" ON "consultant_conversation" USING btree ("applicant_user_id") WHERE "consultant_conversation"."applicant_user_id" is not null;--> statement-breakpoint
CREATE INDEX "consultant_message_conversation_idx" ON "consultant_message" USING btree ("conversation_id","id");