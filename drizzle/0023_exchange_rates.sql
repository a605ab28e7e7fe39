CREATE TABLE "exchange_rate" (
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"tenge_per_unit" numeric(14, 4) NOT NULL,
	"direction" text NOT NULL,
	"change" numeric(14, 4),
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rate_currency_rate_date_pk" PRIMARY KEY("currency","rate_date")
);
--> statement-breakpoint
CREATE INDEX "exchange_rate_date_idx" ON "exchange_rate" USING btree ("rate_date");