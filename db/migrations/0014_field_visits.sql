CREATE TYPE "public"."evidence_kind" AS ENUM('photo', 'audio', 'video');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('planned', 'visited', 'cancelled');--> statement-breakpoint
CREATE TABLE "case_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"visit_id" uuid,
	"rule" text NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_visit_staff" (
	"visit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "field_visit_staff_visit_id_user_id_pk" PRIMARY KEY("visit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"planned_by" uuid NOT NULL,
	"planned_for" timestamp (3) with time zone NOT NULL,
	"address" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"status" "visit_status" DEFAULT 'planned' NOT NULL,
	"action_id" uuid,
	"visited_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"cancel_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flags" ADD CONSTRAINT "case_flags_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_staff" ADD CONSTRAINT "field_visit_staff_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_staff" ADD CONSTRAINT "field_visit_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_planned_by_users_id_fk" FOREIGN KEY ("planned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_action_id_case_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_evidence" ADD CONSTRAINT "visit_evidence_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_evidence" ADD CONSTRAINT "visit_evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_evidence" ADD CONSTRAINT "visit_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_evidence" ADD CONSTRAINT "visit_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_flags_visit_rule_key" ON "case_flags" USING btree ("visit_id","rule");--> statement-breakpoint
CREATE INDEX "case_flags_case_idx" ON "case_flags" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_flags_agency_idx" ON "case_flags" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "field_visits_case_idx" ON "field_visits" USING btree ("case_id","planned_for","id");--> statement-breakpoint
CREATE INDEX "field_visits_agency_idx" ON "field_visits" USING btree ("agency_id","planned_for","id");--> statement-breakpoint
CREATE INDEX "field_visits_visited_idx" ON "field_visits" USING btree ("status","visited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_evidence_sha_key" ON "visit_evidence" USING btree ("visit_id","sha256");--> statement-breakpoint
CREATE INDEX "visit_evidence_case_idx" ON "visit_evidence" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "visit_evidence_file_idx" ON "visit_evidence" USING btree ("file_id");--> statement-breakpoint
-- NIFA 2018: field evidence, the staff named on a visit and the flags raised afterwards are
-- records kept at least 5 years and never changed or deleted.
CREATE TRIGGER visit_evidence_no_update_delete
  BEFORE UPDATE OR DELETE ON visit_evidence
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER visit_evidence_no_truncate
  BEFORE TRUNCATE ON visit_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER field_visit_staff_no_update_delete
  BEFORE UPDATE OR DELETE ON field_visit_staff
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER field_visit_staff_no_truncate
  BEFORE TRUNCATE ON field_visit_staff
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER case_flags_no_update_delete
  BEFORE UPDATE OR DELETE ON case_flags
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER case_flags_no_truncate
  BEFORE TRUNCATE ON case_flags
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
-- A recorded visit keeps its record: once visited, the plan's record, time and status stay.
CREATE FUNCTION refuse_change_recorded_visit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'planned' THEN
    RAISE EXCEPTION 'field visit % is % and can no longer change', OLD.id, OLD.status USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER field_visits_recorded_fixed
  BEFORE UPDATE ON field_visits
  FOR EACH ROW EXECUTE FUNCTION refuse_change_recorded_visit();
--> statement-breakpoint
CREATE TRIGGER field_visits_no_delete
  BEFORE DELETE OR TRUNCATE ON field_visits
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
