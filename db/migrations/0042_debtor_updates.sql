CREATE TYPE "public"."case_change_field" AS ENUM('phone_added', 'phone_retired', 'address', 'contact_added', 'principal_outstanding', 'amount_overdue');--> statement-breakpoint
CREATE TYPE "public"."case_change_source" AS ENUM('debtor', 'contact', 'public_record', 'field_visit', 'creditor_file');--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'updates';--> statement-breakpoint
CREATE TABLE "case_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"field" "case_change_field" NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"source" "case_change_source" NOT NULL,
	"import_id" uuid,
	"evidence_file_id" uuid,
	"actor_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_import_id_case_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."case_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_changes_case_idx" ON "case_changes" USING btree ("case_id","created_at","id");--> statement-breakpoint
CREATE INDEX "case_changes_import_idx" ON "case_changes" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "case_changes_evidence_idx" ON "case_changes" USING btree ("evidence_file_id");--> statement-breakpoint
-- hand-written
-- Debtor data changes are kept as history: what a past action relied on (a number, a
-- balance) stays readable. The database refuses UPDATE, DELETE and TRUNCATE.
CREATE TRIGGER case_changes_no_update_delete
  BEFORE UPDATE OR DELETE ON case_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER case_changes_no_truncate
  BEFORE TRUNCATE ON case_changes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
