CREATE TYPE "public"."sms_kind" AS ENUM('debtor.code', 'debtor.planApproved', 'debtor.planProposed', 'debtor.planDecided');--> statement-breakpoint
CREATE TYPE "public"."sms_status" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "debtor_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"phone_idx" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"client" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "debtor_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"case_id" uuid NOT NULL,
	"phone_idx" text NOT NULL,
	"code_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "sms_kind" NOT NULL,
	"to_enc" text NOT NULL,
	"to_idx" text NOT NULL,
	"to_masked" text NOT NULL,
	"params_enc" text NOT NULL,
	"case_id" uuid,
	"status" "sms_status" DEFAULT 'queued' NOT NULL,
	"provider" text,
	"provider_ref" text,
	"error" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "debtor_codes" ADD CONSTRAINT "debtor_codes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_sessions" ADD CONSTRAINT "debtor_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_sessions" ADD CONSTRAINT "debtor_sessions_code_id_debtor_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."debtor_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD CONSTRAINT "sms_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debtor_codes_case_idx" ON "debtor_codes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "debtor_sessions_token_key" ON "debtor_sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "debtor_sessions_case_idx" ON "debtor_sessions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "sms_messages_created_idx" ON "sms_messages" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "sms_messages_case_idx" ON "sms_messages" USING btree ("case_id","created_at");