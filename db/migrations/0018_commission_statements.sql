CREATE TYPE "public"."commission_line_kind" AS ENUM('earned', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('draft', 'agreed', 'paid');--> statement-breakpoint
CREATE TABLE "commission_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"repayment_id" uuid NOT NULL,
	"kind" "commission_line_kind" NOT NULL,
	"base_amount" bigint NOT NULL,
	"fee_bp" integer NOT NULL,
	"amount" bigint NOT NULL,
	"earned_on" date NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_lines" (
	"statement_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	CONSTRAINT "statement_lines_statement_id_line_id_pk" PRIMARY KEY("statement_id","line_id")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" "statement_status" DEFAULT 'draft' NOT NULL,
	"line_count" integer NOT NULL,
	"base_total" bigint NOT NULL,
	"total" bigint NOT NULL,
	"creditor_agreed_by" uuid,
	"creditor_agreed_at" timestamp (3) with time zone,
	"agency_agreed_by" uuid,
	"agency_agreed_at" timestamp (3) with time zone,
	"paid_by" uuid,
	"paid_at" timestamp (3) with time zone,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_lines" ADD CONSTRAINT "commission_lines_repayment_id_repayments_id_fk" FOREIGN KEY ("repayment_id") REFERENCES "public"."repayments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_line_id_commission_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."commission_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_creditor_agreed_by_users_id_fk" FOREIGN KEY ("creditor_agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_agency_agreed_by_users_id_fk" FOREIGN KEY ("agency_agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_lines_repayment_kind_key" ON "commission_lines" USING btree ("repayment_id","kind");--> statement-breakpoint
CREATE INDEX "commission_lines_pair_idx" ON "commission_lines" USING btree ("creditor_id","agency_id","earned_on");--> statement-breakpoint
CREATE INDEX "commission_lines_agency_idx" ON "commission_lines" USING btree ("agency_id","earned_on");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_lines_line_key" ON "statement_lines" USING btree ("line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_pair_month_key" ON "statements" USING btree ("creditor_id","agency_id","month");--> statement-breakpoint
CREATE INDEX "statements_creditor_idx" ON "statements" USING btree ("creditor_id","month","id");--> statement-breakpoint
CREATE INDEX "statements_agency_idx" ON "statements" USING btree ("agency_id","month","id");--> statement-breakpoint
-- Money owed is never rewritten: commission lines and the statement a line went on are
-- append-only (a reversal is a new line of the opposite amount).
CREATE TRIGGER commission_lines_no_update_delete
  BEFORE UPDATE OR DELETE ON commission_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER commission_lines_no_truncate
  BEFORE TRUNCATE ON commission_lines
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER statement_lines_no_update_delete
  BEFORE UPDATE OR DELETE ON statement_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER statement_lines_no_truncate
  BEFORE TRUNCATE ON statement_lines
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER statements_no_delete
  BEFORE DELETE OR TRUNCATE ON statements
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
