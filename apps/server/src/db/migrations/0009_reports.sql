CREATE TABLE "monthly_report_events" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"comment" text,
	CONSTRAINT "monthly_report_events_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"level" text NOT NULL,
	"school_id" uuid,
	"unit_id" uuid,
	"month" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"figures" jsonb,
	"explanations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"correction_reason" text,
	"computed_at" timestamp with time zone,
	"submitted_by" uuid,
	"submitted_by_name" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_reports_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "monthly_reports_level_ck" CHECK (("monthly_reports"."level" = 'school' and "monthly_reports"."school_id" is not null) or ("monthly_reports"."level" = 'unit' and "monthly_reports"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "public_disclosures" (
	"county_code" text NOT NULL,
	"year" text NOT NULL,
	"content" jsonb NOT NULL,
	"published" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_disclosures_county_code_year_pk" PRIMARY KEY("county_code","year")
);
--> statement-breakpoint
CREATE TABLE "stat_snapshots" (
	"county_code" text NOT NULL,
	"scope_key" text NOT NULL,
	"kind" text NOT NULL,
	"period" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stat_snapshots_county_code_scope_key_kind_period_pk" PRIMARY KEY("county_code","scope_key","kind","period")
);
--> statement-breakpoint
CREATE INDEX "monthly_report_events_report_idx" ON "monthly_report_events" USING btree ("county_code","report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_school_month_version_uq" ON "monthly_reports" USING btree ("county_code","school_id","month","version") WHERE "monthly_reports"."level" = 'school';--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_unit_month_version_uq" ON "monthly_reports" USING btree ("county_code","unit_id","month","version") WHERE "monthly_reports"."level" = 'unit';--> statement-breakpoint
CREATE INDEX "monthly_reports_month_idx" ON "monthly_reports" USING btree ("county_code","month");