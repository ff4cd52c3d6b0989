CREATE TYPE "public"."promise_status" AS ENUM('open', 'kept', 'broken');--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"due_date" date NOT NULL,
	"status" "promise_status" DEFAULT 'open' NOT NULL,
	"broken_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_action_id_case_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promises_case_idx" ON "promises" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "promises_due_idx" ON "promises" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "promises_agency_idx" ON "promises" USING btree ("agency_id","status","due_date");