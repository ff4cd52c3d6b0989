CREATE TYPE "public"."export_format" AS ENUM('xlsx', 'csv');--> statement-breakpoint
CREATE TYPE "public"."export_list" AS ENUM('creditor.cases', 'agency.cases', 'creditor.repayments', 'visits', 'staff.audit', 'statements', 'creditor.activity', 'creditor.packages', 'creditor.restructures');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "commission_monthly" (
	"commission_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"recovered" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commission_monthly_commission_id_month_pk" PRIMARY KEY("commission_id","month")
);
--> statement-breakpoint
CREATE TABLE "open_commission_lines" (
	"line_id" uuid PRIMARY KEY NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"earned_on" date NOT NULL,
	"base_amount" bigint NOT NULL,
	"amount" bigint NOT NULL
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
CREATE INDEX "open_commission_lines_pair_idx" ON "open_commission_lines" USING btree ("creditor_id","earned_on","agency_id");--> statement-breakpoint
CREATE INDEX "list_exports_user_idx" ON "list_exports" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "case_actions_flagged_idx" ON "case_actions" USING btree ("creditor_id","at","agency_id") WHERE jsonb_array_length("case_actions"."flags") > 0;--> statement-breakpoint
CREATE INDEX "promises_creditor_due_idx" ON "promises" USING btree ("creditor_id","due_date","agency_id","status");--> statement-breakpoint
-- Money already confirmed before the rollup existed.
INSERT INTO commission_monthly (commission_id, creditor_id, month, recovered)
SELECT commission_id, creditor_id, to_char(paid_on, 'YYYY-MM'), sum(amount)
FROM repayments WHERE status = 'confirmed' AND commission_id IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
-- Every commission line starts open, until a statement takes it.
CREATE FUNCTION open_commission_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO open_commission_lines (line_id, creditor_id, agency_id, earned_on, base_amount, amount)
  VALUES (NEW.id, NEW.creditor_id, NEW.agency_id, NEW.earned_on, NEW.base_amount, NEW.amount);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER commission_lines_open
  AFTER INSERT ON commission_lines
  FOR EACH ROW EXECUTE FUNCTION open_commission_line();
--> statement-breakpoint
INSERT INTO open_commission_lines (line_id, creditor_id, agency_id, earned_on, base_amount, amount)
SELECT l.id, l.creditor_id, l.agency_id, l.earned_on, l.base_amount, l.amount
FROM commission_lines l WHERE NOT EXISTS (SELECT 1 FROM statement_lines sl WHERE sl.line_id = l.id);
--> statement-breakpoint
-- Open debts by bucket read from the index alone (status, amounts and placement included).
CREATE INDEX cases_ageing_idx ON cases (creditor_id, bucket) INCLUDE (status, amount_overdue, repaid_amount, agency_id);
