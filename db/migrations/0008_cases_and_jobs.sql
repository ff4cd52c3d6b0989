CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('new', 'commissioned', 'working', 'ptp', 'settled', 'closed_unrecoverable', 'returned', 'recalled');--> statement-breakpoint
CREATE TYPE "public"."case_import_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"run_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "case_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" "case_import_status" DEFAULT 'queued' NOT NULL,
	"format" text,
	"encoding" text,
	"bytes_total" bigint DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"file_error" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_file_id" uuid,
	"extra_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"finished_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"contract_no" text NOT NULL,
	"debtor_name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_idx" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"phones" jsonb NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"loan_amount" bigint NOT NULL,
	"principal_outstanding" bigint NOT NULL,
	"amount_overdue" bigint NOT NULL,
	"days_overdue" integer NOT NULL,
	"bucket" smallint NOT NULL,
	"loan_date" date,
	"product" text,
	"province" text,
	"city" text,
	"address" text,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "case_status" DEFAULT 'new' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_report_file_id_stored_files_id_fk" FOREIGN KEY ("report_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_import_id_case_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."case_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_key_idx" ON "jobs" USING btree ("kind","key");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "case_imports_creditor_idx" ON "case_imports" USING btree ("creditor_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_contract_idx" ON "cases" USING btree ("creditor_id","contract_no");--> statement-breakpoint
CREATE INDEX "cases_creditor_list_idx" ON "cases" USING btree ("creditor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cases_creditor_filter_idx" ON "cases" USING btree ("creditor_id","status","bucket","province");--> statement-breakpoint
CREATE INDEX "cases_import_idx" ON "cases" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "cases_id_number_idx" ON "cases" USING btree ("id_number_idx");