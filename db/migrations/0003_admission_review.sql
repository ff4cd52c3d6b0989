CREATE TYPE "public"."admission_decision" AS ENUM('admit', 'reject');--> statement-breakpoint
CREATE TYPE "public"."admission_review_status" AS ENUM('scoring', 'awaiting_approval', 'final');--> statement-breakpoint
CREATE TABLE "admission_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"submission" integer NOT NULL,
	"template_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total" integer,
	"has_fraud_or_abuse" boolean DEFAULT false NOT NULL,
	"status" "admission_review_status" DEFAULT 'scoring' NOT NULL,
	"decision" "admission_decision",
	"computed_decision" "admission_decision",
	"tier" "admission_tier",
	"reason" text,
	"approver_id" uuid,
	"approved_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "org_type" NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "tier" "admission_tier";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "admitted_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "admission_expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "admission_applications" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "admission_reviews" ADD CONSTRAINT "admission_reviews_application_id_admission_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."admission_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_reviews" ADD CONSTRAINT "admission_reviews_template_id_admission_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."admission_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_reviews" ADD CONSTRAINT "admission_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_reviews" ADD CONSTRAINT "admission_reviews_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_templates" ADD CONSTRAINT "admission_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "admission_reviews_submission_key" ON "admission_reviews" USING btree ("application_id","submission");--> statement-breakpoint
CREATE UNIQUE INDEX "admission_templates_kind_version_key" ON "admission_templates" USING btree ("kind","version");