CREATE TABLE "absence_alerts" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"class_id" uuid,
	"school_id" uuid,
	"rule" text NOT NULL,
	"run_key" text NOT NULL,
	"last_date" date NOT NULL,
	"streak" integer NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"case_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "absence_alerts_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "absence_alerts_status_ck" CHECK ("absence_alerts"."status" in ('open','case_opened','dismissed')),
	CONSTRAINT "absence_alerts_rule_ck" CHECK ("absence_alerts"."rule" in ('consecutive','monthly'))
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"county_code" text NOT NULL,
	"report_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"contact_result" text,
	"note" text,
	"leave_id" uuid,
	"origin" text DEFAULT 'teacher' NOT NULL,
	CONSTRAINT "absences_county_code_report_id_child_id_pk" PRIMARY KEY("county_code","report_id","child_id"),
	CONSTRAINT "absences_reason_ck" CHECK ("absences"."reason" in ('病假','事假','无故缺勤','迟到')),
	CONSTRAINT "absences_contact_ck" CHECK ("absences"."contact_result" is null or "absences"."contact_result" in ('已联系上','未联系上'))
);
--> statement-breakpoint
CREATE TABLE "attendance_reports" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"date" date NOT NULL,
	"list_source" text NOT NULL,
	"enrolled" integer NOT NULL,
	"present" integer NOT NULL,
	"sick" integer DEFAULT 0 NOT NULL,
	"personal" integer DEFAULT 0 NOT NULL,
	"unexplained" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_by_name" text NOT NULL,
	"first_submitted_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "attendance_reports_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "attendance_reports_counts_ck" CHECK ("attendance_reports"."present" >= 0 and "attendance_reports"."enrolled" >= "attendance_reports"."present")
);
--> statement-breakpoint
CREATE TABLE "attendance_submissions" (
	"county_code" text NOT NULL,
	"client_key" text NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_submissions_county_code_client_key_pk" PRIMARY KEY("county_code","client_key")
);
--> statement-breakpoint
CREATE TABLE "leave_requests" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"class_id" uuid,
	"school_id" uuid,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"school_days" integer NOT NULL,
	"poverty_group" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"guardian_name" text NOT NULL,
	"guardian_phone" text,
	"status" text NOT NULL,
	"closed_on" date,
	"close_note" text,
	"closed_by" uuid,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"client_key" text,
	CONSTRAINT "leave_requests_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "leave_requests_dates_ck" CHECK ("leave_requests"."to_date" >= "leave_requests"."from_date"),
	CONSTRAINT "leave_requests_status_ck" CHECK ("leave_requests"."status" in ('pending','approved','rejected','closed','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "leave_steps" (
	"county_code" text NOT NULL,
	"leave_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"by" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "leave_steps_county_code_leave_id_idx_pk" PRIMARY KEY("county_code","leave_id","idx")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "absence_alerts_run_uq" ON "absence_alerts" USING btree ("county_code","child_id","rule","run_key");--> statement-breakpoint
CREATE INDEX "absence_alerts_school_idx" ON "absence_alerts" USING btree ("county_code","school_id","status");--> statement-breakpoint
CREATE INDEX "absence_alerts_class_idx" ON "absence_alerts" USING btree ("county_code","class_id","status");--> statement-breakpoint
CREATE INDEX "absences_child_day_idx" ON "absences" USING btree ("county_code","child_id","date");--> statement-breakpoint
CREATE INDEX "absences_day_idx" ON "absences" USING btree ("county_code","date");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_reports_class_day_uq" ON "attendance_reports" USING btree ("county_code","class_id","date");--> statement-breakpoint
CREATE INDEX "attendance_reports_school_day_idx" ON "attendance_reports" USING btree ("county_code","school_id","date");--> statement-breakpoint
CREATE INDEX "attendance_reports_day_idx" ON "attendance_reports" USING btree ("county_code","date");--> statement-breakpoint
CREATE INDEX "attendance_submissions_report_idx" ON "attendance_submissions" USING btree ("county_code","report_id");--> statement-breakpoint
CREATE INDEX "leave_requests_child_idx" ON "leave_requests" USING btree ("county_code","child_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_requests_class_idx" ON "leave_requests" USING btree ("county_code","class_id","status");--> statement-breakpoint
CREATE INDEX "leave_requests_school_idx" ON "leave_requests" USING btree ("county_code","school_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "leave_requests_client_key_uq" ON "leave_requests" USING btree ("county_code","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE INDEX "leave_steps_pending_idx" ON "leave_steps" USING btree ("county_code","by","status");