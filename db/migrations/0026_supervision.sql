CREATE TYPE "public"."appeal_outcome" AS ENUM('granted', 'denied');--> statement-breakpoint
CREATE TYPE "public"."audit_finding" AS ENUM('pass', 'issue', 'violation');--> statement-breakpoint
CREATE TYPE "public"."audit_item_kind" AS ENUM('visit', 'action');--> statement-breakpoint
CREATE TYPE "public"."audit_method" AS ENUM('random', 'chosen');--> statement-breakpoint
CREATE TYPE "public"."audit_status" AS ENUM('open', 'completed');--> statement-breakpoint
CREATE TYPE "public"."sanction_kind" AS ENUM('warning', 'points', 'suspension', 'ban');--> statement-breakpoint
CREATE TYPE "public"."sanction_status" AS ENUM('proposed', 'active', 'rejected', 'lifted', 'revoked');--> statement-breakpoint
ALTER TYPE "public"."export_list" ADD VALUE 'complaints';--> statement-breakpoint
CREATE TABLE "agency_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"month" text NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_ratings_range" CHECK ("agency_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "field_audit_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audit_id" uuid NOT NULL,
	"kind" "audit_item_kind" NOT NULL,
	"case_id" uuid NOT NULL,
	"visit_id" uuid,
	"action_id" uuid,
	"finding" "audit_finding",
	"note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp (3) with time zone,
	"complaint_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_audit_items_one_record" CHECK (("field_audit_items"."visit_id" is null) <> ("field_audit_items"."action_id" is null))
);
--> statement-breakpoint
CREATE TABLE "field_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"method" "audit_method" NOT NULL,
	"status" "audit_status" DEFAULT 'open' NOT NULL,
	"sample_bp" integer,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"case_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"item_count" integer DEFAULT 0 NOT NULL,
	"summary" text,
	"created_by" uuid NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" "sanction_kind" NOT NULL,
	"status" "sanction_status" NOT NULL,
	"points" smallint,
	"reason" text NOT NULL,
	"complaint_id" uuid,
	"audit_item_id" uuid,
	"ends_on" date,
	"proposed_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"effective_at" timestamp (3) with time zone,
	"lifted_by" uuid,
	"lifted_at" timestamp (3) with time zone,
	"effects" jsonb,
	"appeal_text" text,
	"appealed_at" timestamp (3) with time zone,
	"appealed_by" uuid,
	"appeal_outcome" "appeal_outcome",
	"appeal_note" text,
	"appeal_decided_by" uuid,
	"appeal_decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sanctions_cites" CHECK ("sanctions"."complaint_id" is not null or "sanctions"."audit_item_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"month" text NOT NULL,
	"formula_version" smallint NOT NULL,
	"month_score_bp" integer NOT NULL,
	"score_bp" integer NOT NULL,
	"is_zeroed" smallint DEFAULT 0 NOT NULL,
	"components" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commissions" ADD COLUMN "frozen_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "min_score" smallint;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_ratings" ADD CONSTRAINT "agency_ratings_rated_by_users_id_fk" FOREIGN KEY ("rated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_audit_id_field_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."field_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_action_id_case_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audit_items" ADD CONSTRAINT "field_audit_items_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audits" ADD CONSTRAINT "field_audits_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audits" ADD CONSTRAINT "field_audits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_audits" ADD CONSTRAINT "field_audits_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_audit_item_id_field_audit_items_id_fk" FOREIGN KEY ("audit_item_id") REFERENCES "public"."field_audit_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_appealed_by_users_id_fk" FOREIGN KEY ("appealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_appeal_decided_by_users_id_fk" FOREIGN KEY ("appeal_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_ratings_idx" ON "agency_ratings" USING btree ("creditor_id","agency_id","month");--> statement-breakpoint
CREATE INDEX "agency_ratings_agency_idx" ON "agency_ratings" USING btree ("agency_id","month");--> statement-breakpoint
CREATE INDEX "field_audit_items_audit_idx" ON "field_audit_items" USING btree ("audit_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "field_audit_items_visit_idx" ON "field_audit_items" USING btree ("audit_id","visit_id") WHERE "field_audit_items"."visit_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "field_audit_items_action_idx" ON "field_audit_items" USING btree ("audit_id","action_id") WHERE "field_audit_items"."action_id" is not null;--> statement-breakpoint
CREATE INDEX "field_audits_list_idx" ON "field_audits" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "field_audits_agency_idx" ON "field_audits" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sanctions_list_idx" ON "sanctions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "sanctions_agency_idx" ON "sanctions" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sanctions_status_idx" ON "sanctions" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_agency_month_idx" ON "scorecards" USING btree ("agency_id","month");--> statement-breakpoint
CREATE INDEX "scorecards_month_idx" ON "scorecards" USING btree ("month","score_bp");