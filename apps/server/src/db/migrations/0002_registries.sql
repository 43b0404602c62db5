CREATE TABLE "child_identity_history" (
	"county_code" text NOT NULL,
	"child_id" uuid NOT NULL,
	"seq" uuid NOT NULL,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"source" text NOT NULL,
	"source_label" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "child_identity_history_county_code_child_id_seq_pk" PRIMARY KEY("county_code","child_id","seq")
);
--> statement-breakpoint
CREATE TABLE "disability_records" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_raw" text,
	"id_number" text,
	"id_valid" boolean DEFAULT false NOT NULL,
	"gender" text,
	"birth_date" date,
	"cert_no" text,
	"category" text,
	"disability_grade" text,
	CONSTRAINT "disability_records_county_code_snapshot_id_row_no_pk" PRIMARY KEY("county_code","snapshot_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "household_records" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_raw" text,
	"id_number" text,
	"id_valid" boolean DEFAULT false NOT NULL,
	"gender" text,
	"birth_date" date,
	"nation" text,
	"address" text,
	"division_code" text,
	"guardian_name" text,
	"guardian_phone" text,
	CONSTRAINT "household_records_county_code_snapshot_id_row_no_pk" PRIMARY KEY("county_code","snapshot_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "import_problems" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_no" integer NOT NULL,
	"column_name" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "import_problems_county_code_snapshot_id_seq_pk" PRIMARY KEY("county_code","snapshot_id","seq")
);
--> statement-breakpoint
CREATE TABLE "poverty_records" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_raw" text,
	"id_number" text,
	"id_valid" boolean DEFAULT false NOT NULL,
	"gender" text,
	"birth_date" date,
	"household_type" text,
	"head_name" text,
	"head_id_number" text,
	"relation" text,
	"division_code" text,
	CONSTRAINT "poverty_records_county_code_snapshot_id_row_no_pk" PRIMARY KEY("county_code","snapshot_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "registry_snapshots" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"encoding" text NOT NULL,
	"storage_key" text,
	"column_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"unknown_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"missing_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"accepted_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"warning_count" integer DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL,
	"committed_at" timestamp with time zone,
	"committed_by" uuid,
	"fed_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "registry_snapshots_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "registry_snapshots_kind_ck" CHECK ("registry_snapshots"."kind" in ('hukou','xueji','roster','poverty','disability')),
	CONSTRAINT "registry_snapshots_status_ck" CHECK ("registry_snapshots"."status" in ('staged','loading','committed','superseded','cancelled','failed'))
);
--> statement-breakpoint
CREATE TABLE "roster_entries" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_raw" text,
	"id_number" text,
	"id_valid" boolean DEFAULT false NOT NULL,
	"gender" text,
	"birth_date" date,
	"school_code" text NOT NULL,
	"grade" integer,
	"class_name" text,
	"student_no" text,
	"id_type" text,
	CONSTRAINT "roster_entries_county_code_snapshot_id_row_no_pk" PRIMARY KEY("county_code","snapshot_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "student_records" (
	"county_code" text NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"raw" jsonb NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"id_raw" text,
	"id_number" text,
	"id_valid" boolean DEFAULT false NOT NULL,
	"gender" text,
	"birth_date" date,
	"student_no" text,
	"school_code" text NOT NULL,
	"school_name" text,
	"grade" integer,
	"class_name" text,
	"status" text,
	"id_type" text,
	"study_mode" text,
	"division_code" text,
	"migrant" boolean,
	"left_behind" boolean,
	"disabled" boolean,
	CONSTRAINT "student_records_county_code_snapshot_id_row_no_pk" PRIMARY KEY("county_code","snapshot_id","row_no")
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "manual_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "disability_records_id_idx" ON "disability_records" USING btree ("county_code","id_number");--> statement-breakpoint
CREATE INDEX "household_records_id_idx" ON "household_records" USING btree ("county_code","id_number");--> statement-breakpoint
CREATE INDEX "poverty_records_id_idx" ON "poverty_records" USING btree ("county_code","id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_snapshots_one_committed_uq" ON "registry_snapshots" USING btree ("county_code","kind","scope_id") WHERE status = 'committed';--> statement-breakpoint
CREATE INDEX "registry_snapshots_kind_idx" ON "registry_snapshots" USING btree ("county_code","kind","uploaded_at");--> statement-breakpoint
CREATE INDEX "roster_entries_school_idx" ON "roster_entries" USING btree ("county_code","school_code","grade");--> statement-breakpoint
CREATE INDEX "student_records_id_idx" ON "student_records" USING btree ("county_code","id_number");--> statement-breakpoint
CREATE INDEX "student_records_school_idx" ON "student_records" USING btree ("county_code","school_code");