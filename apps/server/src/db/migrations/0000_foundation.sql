CREATE TABLE "classes" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"school_year" integer NOT NULL,
	"grade" integer NOT NULL,
	"name" text NOT NULL,
	"head_teacher_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "classes_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "classes_grade_ck" CHECK ("classes"."grade" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "counties" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"county_code" text NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"official" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "divisions_county_code_code_pk" PRIMARY KEY("county_code","code"),
	CONSTRAINT "divisions_level_ck" CHECK ("divisions"."level" in ('county','township','village'))
);
--> statement-breakpoint
CREATE TABLE "management_units" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"township_code" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "management_units_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "units_kind_ck" CHECK ("management_units"."kind" in ('bureau','central_school','district_centre'))
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"township_code" text NOT NULL,
	"village_code" text,
	"unit_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "schools_county_code_id_pk" PRIMARY KEY("county_code","id"),
	CONSTRAINT "schools_code_ck" CHECK ("schools"."code" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_approval_rights" (
	"user_id" uuid NOT NULL,
	"right" text NOT NULL,
	CONSTRAINT "user_approval_rights_user_id_right_pk" PRIMARY KEY("user_id","right")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" text NOT NULL,
	CONSTRAINT "user_roles_user_id_role_scope_kind_scope_id_pk" PRIMARY KEY("user_id","role","scope_kind","scope_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"county_code" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "calendar_days_county_code_date_pk" PRIMARY KEY("county_code","date")
);
--> statement-breakpoint
CREATE TABLE "county_settings" (
	"county_code" text PRIMARY KEY NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "school_terms" (
	"county_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "school_terms_county_code_start_date_pk" PRIMARY KEY("county_code","start_date")
);
--> statement-breakpoint
CREATE TABLE "child_key_groups" (
	"county_code" text NOT NULL,
	"child_id" uuid NOT NULL,
	"group" text NOT NULL,
	"source" text NOT NULL,
	"source_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_key_groups_county_code_child_id_group_source_pk" PRIMARY KEY("county_code","child_id","group","source")
);
--> statement-breakpoint
CREATE TABLE "children" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"gender" text DEFAULT '' NOT NULL,
	"birth_date" date,
	"id_number" text,
	"id_number_valid" boolean DEFAULT false NOT NULL,
	"nation" text,
	"household_village_code" text,
	"household_township_code" text,
	"household_address" text,
	"guardian_name" text,
	"guardian_relation" text,
	"guardian_phone" text,
	"school_id" uuid,
	"class_id" uuid,
	"grade" integer,
	"student_no" text,
	"status" text DEFAULT '在读' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"county_code" text NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"ip" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"child_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_county_code_id_pk" PRIMARY KEY("county_code","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "classes_name_uq" ON "classes" USING btree ("county_code","school_id","school_year","grade","name");--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("county_code","parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "schools_code_uq" ON "schools" USING btree ("county_code","code");--> statement-breakpoint
CREATE INDEX "schools_unit_idx" ON "schools" USING btree ("county_code","unit_id");--> statement-breakpoint
CREATE INDEX "schools_township_idx" ON "schools" USING btree ("county_code","township_code");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "users_county_idx" ON "users" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "child_key_groups_group_idx" ON "child_key_groups" USING btree ("county_code","group");--> statement-breakpoint
CREATE INDEX "children_school_idx" ON "children" USING btree ("county_code","school_id","grade");--> statement-breakpoint
CREATE INDEX "children_class_idx" ON "children" USING btree ("county_code","class_id");--> statement-breakpoint
CREATE INDEX "children_village_idx" ON "children" USING btree ("county_code","household_village_code");--> statement-breakpoint
CREATE INDEX "children_township_idx" ON "children" USING btree ("county_code","household_township_code");--> statement-breakpoint
CREATE INDEX "children_id_number_idx" ON "children" USING btree ("county_code","id_number");--> statement-breakpoint
CREATE INDEX "children_name_idx" ON "children" USING btree ("county_code","name");--> statement-breakpoint
CREATE INDEX "children_initials_idx" ON "children" USING btree ("county_code","name_initials");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_events" USING btree ("county_code","at");--> statement-breakpoint
CREATE INDEX "audit_child_idx" ON "audit_events" USING btree ("county_code","child_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("county_code","actor_id");