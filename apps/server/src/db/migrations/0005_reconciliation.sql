CREATE TABLE "findings" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"category" text NOT NULL,
	"child_id" uuid,
	"name" text NOT NULL,
	"id_number" text,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"confidence" real DEFAULT 1 NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"township_code" text,
	"village_code" text,
	"school_id" uuid,
	"key_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"first_run_id" uuid NOT NULL,
	"last_run_id" uuid NOT NULL,
	"resolved_run_id" uuid,
	"close_reason" text,
	"close_evidence" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"ledger_entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "findings_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "findings_status_ck" CHECK ("findings"."status" in ('open','confirmed','closed','resolved'))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"ledger" text NOT NULL,
	"source" text NOT NULL,
	"finding_id" uuid,
	"category" text,
	"cause" text,
	"note" text,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"close_evidence" text,
	CONSTRAINT "ledger_entries_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "ledger_entries_ledger_ck" CHECK ("ledger_entries"."ledger" in ('suspected','dropout'))
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ledger_events_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "reconciliation_runs" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"message" text,
	CONSTRAINT "reconciliation_runs_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "findings_fingerprint_uq" ON "findings" USING btree ("county_code","fingerprint");--> statement-breakpoint
CREATE INDEX "findings_status_idx" ON "findings" USING btree ("county_code","status","category");--> statement-breakpoint
CREATE INDEX "findings_child_idx" ON "findings" USING btree ("county_code","child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_open_uq" ON "ledger_entries" USING btree ("county_code","child_id","ledger") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "ledger_entries_ledger_idx" ON "ledger_entries" USING btree ("county_code","ledger","closed_at");--> statement-breakpoint
CREATE INDEX "ledger_events_entry_idx" ON "ledger_events" USING btree ("county_code","entry_id");--> statement-breakpoint
CREATE INDEX "reconciliation_runs_at_idx" ON "reconciliation_runs" USING btree ("county_code","started_at");