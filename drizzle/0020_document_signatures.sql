CREATE TABLE "document_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"result_document_id" uuid NOT NULL,
	"party" text NOT NULL,
	"signer_user_id" integer,
	"cms" text NOT NULL,
	"subject" text NOT NULL,
	"common_name" text NOT NULL,
	"signer_iin" text NOT NULL,
	"signer_bin" text,
	"organisation" text,
	"serial_number" text NOT NULL,
	"issuer" text NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"signing_time" timestamp with time zone,
	"algorithm" text NOT NULL,
	"roles" jsonb NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_account" ADD COLUMN "is_provider_signer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "result_document" ADD COLUMN "signers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_result_document_id_result_document_id_fk" FOREIGN KEY ("result_document_id") REFERENCES "public"."result_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_signer_user_id_user_account_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."user_account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_signature_party_unique" ON "document_signature" USING btree ("result_document_id","party");--> statement-breakpoint
CREATE INDEX "document_signature_signer_idx" ON "document_signature" USING btree ("signer_user_id");--> statement-breakpoint
-- Documents issued for the applicant's signature keep asking for it.
UPDATE "result_document" SET "signers" = '["applicant"]'::jsonb WHERE "requires_signature";
