CREATE TYPE "public"."action_channel" AS ENUM('call', 'sms', 'letter', 'visit', 'lawyer_letter', 'email');--> statement-breakpoint
CREATE TYPE "public"."action_outcome" AS ENUM('answered', 'unanswered', 'invalid_number', 'refused', 'promise_to_pay', 'dispute', 'hardship', 'deceased', 'wrong_person');--> statement-breakpoint
CREATE TYPE "public"."action_target" AS ENUM('debtor', 'contact');--> statement-breakpoint
CREATE TABLE "case_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"commission_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"debtor_idx" text NOT NULL,
	"channel" "action_channel" NOT NULL,
	"target" "action_target" NOT NULL,
	"contact_no" smallint,
	"phone_idx" text,
	"phone_masked" text,
	"outcome" "action_outcome" NOT NULL,
	"promise_amount" bigint,
	"promise_date" date,
	"note" text DEFAULT '' NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rule_version" integer NOT NULL,
	"corrects_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_actions" ADD CONSTRAINT "case_actions_corrects_id_case_actions_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."case_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_actions_debtor_idx" ON "case_actions" USING btree ("debtor_idx","at");--> statement-breakpoint
CREATE INDEX "case_actions_phone_idx" ON "case_actions" USING btree ("phone_idx","at");--> statement-breakpoint
CREATE INDEX "case_actions_case_idx" ON "case_actions" USING btree ("case_id","at","id");--> statement-breakpoint
CREATE INDEX "case_actions_agency_idx" ON "case_actions" USING btree ("agency_id","at","id");--> statement-breakpoint
CREATE INDEX "case_actions_creditor_idx" ON "case_actions" USING btree ("creditor_id","at","id");--> statement-breakpoint
-- NIFA 2018: collection records are kept at least 5 years and never changed or deleted;
-- a correction is a new row pointing at the one it corrects.
CREATE TRIGGER case_actions_no_update_delete
  BEFORE UPDATE OR DELETE ON case_actions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER case_actions_no_truncate
  BEFORE TRUNCATE ON case_actions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
-- Version 1 of the rulebook (DESIGN §4), as server/domain/rules/rulebook.ts RULES_V1 spells it.
INSERT INTO rule_sets (version, rules) VALUES (1, '{"version":1,"windowStartMinutes":480,"windowEndMinutes":1320,"maxAnsweredCallsPerDebtorPerDay":3,"maxUnansweredCallsPerNumberPerDay":6,"contactAfterFailedAttempts":3,"remindersOnlyUntilDay":5,"escalationFromDay":18,"forbiddenPhrases":[{"phrase":"弄死你","category":"threat"},{"phrase":"杀了你","category":"threat"},{"phrase":"打断你的腿","category":"threat"},{"phrase":"找人收拾你","category":"threat"},{"phrase":"上门砸","category":"threat"},{"phrase":"让你全家","category":"threat"},{"phrase":"你等着瞧","category":"threat"},{"phrase":"老赖","category":"insult"},{"phrase":"畜生","category":"insult"},{"phrase":"不要脸","category":"insult"},{"phrase":"去死","category":"insult"},{"phrase":"我是警察","category":"impersonation"},{"phrase":"公安局通知","category":"impersonation"},{"phrase":"法院传票","category":"impersonation"},{"phrase":"检察院","category":"impersonation"},{"phrase":"立案抓捕","category":"impersonation"},{"phrase":"冒充律师","category":"impersonation"},{"phrase":"爆通讯录","category":"disclosure"},{"phrase":"通知你单位","category":"disclosure"},{"phrase":"曝光你","category":"disclosure"}]}'::jsonb);
