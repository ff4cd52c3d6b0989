CREATE TYPE "public"."case_hold_kind" AS ENUM('deceased', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."case_hold_status" AS ENUM('open', 'closed', 'continued', 'withdrawn');--> statement-breakpoint
CREATE TABLE "case_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid,
	"action_id" uuid,
	"kind" "case_hold_kind" NOT NULL,
	"status" "case_hold_status" DEFAULT 'open' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"raised_by" uuid,
	"raised_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"answer_due_at" timestamp (3) with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "contact_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"stopped_channels" "action_channel"[] DEFAULT '{}' NOT NULL,
	"quiet_from" smallint,
	"quiet_to" smallint,
	"quiet_workdays_only" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_action_id_case_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_requests" ADD CONSTRAINT "contact_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_holds_open_idx" ON "case_holds" USING btree ("case_id") WHERE "case_holds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "case_holds_case_idx" ON "case_holds" USING btree ("case_id","raised_at");--> statement-breakpoint
CREATE INDEX "case_holds_creditor_idx" ON "case_holds" USING btree ("creditor_id","status","raised_at","id");--> statement-breakpoint
CREATE INDEX "contact_requests_case_idx" ON "contact_requests" USING btree ("case_id","at");--> statement-breakpoint
-- hand-written
-- A debtor's contact requests are part of the case's record: a change is a new request.
CREATE TRIGGER contact_requests_no_update_delete
  BEFORE UPDATE OR DELETE ON contact_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER contact_requests_no_truncate
  BEFORE TRUNCATE ON contact_requests
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
-- A hold's kind, case and raising never change; only its answer is written, once.
CREATE OR REPLACE FUNCTION case_holds_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'case_holds rows are never deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.status <> 'open'
     OR NEW.case_id <> OLD.case_id OR NEW.kind <> OLD.kind OR NEW.creditor_id <> OLD.creditor_id
     OR NEW.action_id IS DISTINCT FROM OLD.action_id OR NEW.raised_at <> OLD.raised_at OR NEW.note <> OLD.note THEN
    RAISE EXCEPTION 'a case hold is answered once and never rewritten' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_holds_answer_once
  BEFORE UPDATE OR DELETE ON case_holds
  FOR EACH ROW EXECUTE FUNCTION case_holds_answer_once();
