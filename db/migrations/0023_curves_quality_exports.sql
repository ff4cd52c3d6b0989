CREATE TYPE "public"."export_format" AS ENUM('xlsx', 'csv');--> statement-breakpoint
CREATE TYPE "public"."export_list" AS ENUM('creditor.cases', 'agency.cases', 'creditor.repayments', 'visits');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "commission_monthly" (
	"commission_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recovered" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_monthly_commission_id_month_pk" PRIMARY KEY("commission_id","month")
);
--> statement-breakpoint
CREATE TABLE "list_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"list" "export_list" NOT NULL,
	"format" "export_format" NOT NULL,
	"filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"locale" text NOT NULL,
	"status" "export_status" DEFAULT 'queued' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"file_id" uuid,
	"file_name" text NOT NULL,
	"error" text,
	"finished_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commission_monthly" ADD CONSTRAINT "commission_monthly_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_monthly" ADD CONSTRAINT "commission_monthly_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_exports" ADD CONSTRAINT "list_exports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_exports" ADD CONSTRAINT "list_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_exports" ADD CONSTRAINT "list_exports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_monthly_creditor_idx" ON "commission_monthly" USING btree ("creditor_id");--> statement-breakpoint
CREATE INDEX "list_exports_user_idx" ON "list_exports" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "case_actions_flagged_idx" ON "case_actions" USING btree ("creditor_id","at","agency_id") WHERE jsonb_array_length("case_actions"."flags") > 0;--> statement-breakpoint
CREATE INDEX "promises_creditor_due_idx" ON "promises" USING btree ("creditor_id","due_date","agency_id","status");--> statement-breakpoint
-- Money already confirmed before the rollup existed.
INSERT INTO commission_monthly (commission_id, creditor_id, month, recovered)
SELECT commission_id, creditor_id, to_char(paid_on, 'YYYY-MM'), sum(amount)
FROM repayments WHERE status = 'confirmed' AND commission_id IS NOT NULL GROUP BY 1, 2, 3;
