CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'under_review', 'info_requested', 'admitted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."admission_tier" AS ENUM('A', 'B', 'C');--> statement-breakpoint
CREATE TABLE "admission_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "org_type" NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"is_renewal" boolean DEFAULT false NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"legal_rep_id_sealed" text,
	"legal_rep_id_index" text,
	"created_by" uuid,
	"submitted_at" timestamp (3) with time zone,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"info_request" text,
	"decided_at" timestamp (3) with time zone,
	"score" integer,
	"tier" "admission_tier",
	"decision_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admission_applications" ADD CONSTRAINT "admission_applications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_applications" ADD CONSTRAINT "admission_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_applications_open_key" ON "admission_applications" USING btree ("org_id") WHERE "admission_applications"."status" in ('draft', 'submitted', 'under_review', 'info_requested');--> statement-breakpoint
CREATE INDEX "admission_applications_queue_idx" ON "admission_applications" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "admission_applications_org_idx" ON "admission_applications" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "admission_applications_legal_rep_idx" ON "admission_applications" USING btree ("legal_rep_id_index");