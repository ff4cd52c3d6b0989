CREATE TYPE "public"."repayment_channel" AS ENUM('bank_transfer', 'alipay', 'wechat_pay', 'counter', 'other');--> statement-breakpoint
CREATE TYPE "public"."repayment_source" AS ENUM('agency', 'creditor');--> statement-breakpoint
CREATE TYPE "public"."repayment_status" AS ENUM('reported', 'confirmed', 'disputed', 'reversed');--> statement-breakpoint
CREATE TABLE "repayments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid,
	"commission_id" uuid,
	"source" "repayment_source" NOT NULL,
	"amount" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"channel" "repayment_channel" NOT NULL,
	"payer" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"receipt_file_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"status" "repayment_status" NOT NULL,
	"reported_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"reversed_by" uuid,
	"reversed_at" timestamp (3) with time zone,
	"reversal_reason" text
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "repaid_amount" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_receipt_file_id_stored_files_id_fk" FOREIGN KEY ("receipt_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_reversed_by_users_id_fk" FOREIGN KEY ("reversed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "repayments_case_idx" ON "repayments" USING btree ("case_id","paid_on");--> statement-breakpoint
CREATE INDEX "repayments_creditor_idx" ON "repayments" USING btree ("creditor_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "repayments_creditor_list_idx" ON "repayments" USING btree ("creditor_id","created_at","id");--> statement-breakpoint
CREATE INDEX "repayments_agency_idx" ON "repayments" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "repayments_same_payment_key" ON "repayments" USING btree ("case_id","amount","paid_on","reference") WHERE "repayments"."status" in ('reported', 'confirmed');--> statement-breakpoint
-- Money records: once written, the amount, the day, the case, who reported it and where
-- it came from never change, and no repayment is deleted; only its decision moves on.
CREATE FUNCTION refuse_change_repayment_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_id <> OLD.case_id OR NEW.amount <> OLD.amount OR NEW.paid_on <> OLD.paid_on
     OR NEW.source <> OLD.source OR NEW.reported_by <> OLD.reported_by OR NEW.created_at <> OLD.created_at
     OR NEW.agency_id IS DISTINCT FROM OLD.agency_id OR NEW.creditor_id <> OLD.creditor_id THEN
    RAISE EXCEPTION 'repayment % : its facts cannot change', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER repayments_facts_fixed
  BEFORE UPDATE ON repayments
  FOR EACH ROW EXECUTE FUNCTION refuse_change_repayment_facts();
--> statement-breakpoint
CREATE TRIGGER repayments_no_delete
  BEFORE DELETE OR TRUNCATE ON repayments
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
