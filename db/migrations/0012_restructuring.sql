CREATE TYPE "public"."restructure_kind" AS ENUM('reduction', 'deferral', 'instalments');--> statement-breakpoint
CREATE TYPE "public"."restructure_status" AS ENUM('proposed', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TABLE "restructure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"kind" "restructure_kind" NOT NULL,
	"terms" jsonb NOT NULL,
	"total_amount" bigint NOT NULL,
	"schedule" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" "restructure_status" DEFAULT 'proposed' NOT NULL,
	"is_auto_approved" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"decision_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restructure_requests" ADD CONSTRAINT "restructure_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "restructure_case_idx" ON "restructure_requests" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "restructure_creditor_idx" ON "restructure_requests" USING btree ("creditor_id","status","created_at","id");