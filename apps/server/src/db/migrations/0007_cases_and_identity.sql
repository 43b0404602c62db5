CREATE TABLE "identity_decisions" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"decision" text NOT NULL,
	"left_key" text NOT NULL,
	"right_key" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"finding_id" uuid,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "identity_decisions_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"approval_id" uuid NOT NULL,
	"step_no" integer NOT NULL,
	"right" text NOT NULL,
	"decider_id" uuid NOT NULL,
	"decider_name" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "approval_steps_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"status" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "approvals_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "approvals_status_ck" CHECK ("approvals"."status" in ('pending','approved','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "case_deadlines" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"event_id" uuid,
	"met_at" timestamp with time zone,
	"met_event_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_deadlines_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_on" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_role" text,
	"from_status" text,
	"to_status" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"signed_by" text,
	"client_key" text,
	CONSTRAINT "case_events_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "case_team" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid,
	"person_name" text NOT NULL,
	"role" text NOT NULL,
	"phone" text,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "case_team_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"status_since" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"finding_id" uuid,
	"ledger_entry_id" uuid,
	"previous_case_id" uuid,
	"dropout_kind" text,
	"cause" text,
	"school_id" uuid,
	"class_id" uuid,
	"township_code" text,
	"village_code" text,
	"reported_on" date NOT NULL,
	"confirmed_on" date,
	"returned_on" date,
	"follow_up_until" date,
	"close_kind" text,
	"close_reason" text,
	"closed_at" timestamp with time zone,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "home_teaching_sessions" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"taught_on" date NOT NULL,
	"hours" real NOT NULL,
	"teacher_name" text NOT NULL,
	"teacher_id" uuid,
	"content" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "home_teaching_sessions_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"department" text NOT NULL,
	"subject" text NOT NULL,
	"request" text NOT NULL,
	"status" text NOT NULL,
	"response" text,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referrals_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "referrals_status_ck" CHECK ("referrals"."status" in ('sent','accepted','done','declined'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "identity_decisions_pair_uq" ON "identity_decisions" USING btree ("county_code","left_key","right_key") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "identity_decisions_finding_idx" ON "identity_decisions" USING btree ("county_code","finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_steps_step_uq" ON "approval_steps" USING btree ("county_code","approval_id","step_no");--> statement-breakpoint
CREATE INDEX "approvals_case_idx" ON "approvals" USING btree ("county_code","case_id");--> statement-breakpoint
CREATE INDEX "approvals_status_idx" ON "approvals" USING btree ("county_code","status","type");--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("county_code","case_id");--> statement-breakpoint
CREATE INDEX "case_deadlines_case_idx" ON "case_deadlines" USING btree ("county_code","case_id");--> statement-breakpoint
CREATE INDEX "case_deadlines_open_idx" ON "case_deadlines" USING btree ("county_code","due_on") WHERE met_at is null;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("county_code","case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_client_key_uq" ON "case_events" USING btree ("county_code","client_key") WHERE client_key is not null;--> statement-breakpoint
CREATE INDEX "case_team_case_idx" ON "case_team" USING btree ("county_code","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_open_child_uq" ON "cases" USING btree ("county_code","child_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "cases_school_idx" ON "cases" USING btree ("county_code","school_id");--> statement-breakpoint
CREATE INDEX "cases_township_idx" ON "cases" USING btree ("county_code","township_code","village_code");--> statement-breakpoint
CREATE INDEX "home_teaching_case_idx" ON "home_teaching_sessions" USING btree ("county_code","case_id","taught_on");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("county_code","case_id");--> statement-breakpoint
CREATE INDEX "referrals_department_idx" ON "referrals" USING btree ("county_code","department","status");