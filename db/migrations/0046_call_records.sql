CREATE TYPE "public"."call_batch_source" AS ENUM('api', 'file');--> statement-breakpoint
CREATE TYPE "public"."call_direction" AS ENUM('outbound', 'inbound');--> statement-breakpoint
CREATE TYPE "public"."call_disposition" AS ENUM('answered', 'no_answer', 'busy', 'rejected', 'failed', 'delivered');--> statement-breakpoint
CREATE TYPE "public"."call_record_kind" AS ENUM('call', 'sms');--> statement-breakpoint
CREATE TABLE "call_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"source" "call_batch_source" NOT NULL,
	"file_id" uuid,
	"api_key_id" uuid,
	"received" integer NOT NULL,
	"stored" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"matched" integer NOT NULL,
	"unmatched" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_checks" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"creditor_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agent_id" uuid,
	"started_at" timestamp (3) with time zone NOT NULL,
	"rule_version" integer NOT NULL,
	"violations" jsonb NOT NULL,
	"flags" jsonb NOT NULL,
	"checked_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"agent_id" uuid,
	"form_version" integer NOT NULL,
	"side" "org_type" NOT NULL,
	"inspector_org_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"score_bp" integer NOT NULL,
	"fatal_failed" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"sample_reason" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_recordings" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"kind" "call_record_kind" NOT NULL,
	"direction" "call_direction" NOT NULL,
	"line_no" text NOT NULL,
	"party_enc" text NOT NULL,
	"party_idx" text NOT NULL,
	"party_masked" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"answered_at" timestamp (3) with time zone,
	"ended_at" timestamp (3) with time zone,
	"duration_s" integer DEFAULT 0 NOT NULL,
	"disposition" "call_disposition" NOT NULL,
	"agent_ref" text,
	"agent_id" uuid,
	"body" text,
	"transcript" text,
	"case_id" uuid,
	"creditor_id" uuid,
	"commission_id" uuid,
	"target" "action_target",
	"party_no" smallint,
	"debtor_idx" text,
	"received_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_forms" (
	"version" integer PRIMARY KEY NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sanctions" DROP CONSTRAINT "sanctions_cites";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "call_record_id" uuid;--> statement-breakpoint
ALTER TABLE "sanctions" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "call_batches" ADD CONSTRAINT "call_batches_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_batches" ADD CONSTRAINT "call_batches_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_batches" ADD CONSTRAINT "call_batches_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_batches" ADD CONSTRAINT "call_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_checks" ADD CONSTRAINT "call_checks_record_id_call_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_checks" ADD CONSTRAINT "call_checks_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_checks" ADD CONSTRAINT "call_checks_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_checks" ADD CONSTRAINT "call_checks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_checks" ADD CONSTRAINT "call_checks_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_record_id_call_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_form_version_inspection_forms_version_fk" FOREIGN KEY ("form_version") REFERENCES "public"."inspection_forms"("version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_inspector_org_id_organizations_id_fk" FOREIGN KEY ("inspector_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_inspections" ADD CONSTRAINT "call_inspections_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recordings" ADD CONSTRAINT "call_recordings_record_id_call_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recordings" ADD CONSTRAINT "call_recordings_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recordings" ADD CONSTRAINT "call_recordings_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_recordings" ADD CONSTRAINT "call_recordings_attached_by_users_id_fk" FOREIGN KEY ("attached_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_agency_id_organizations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_batch_id_call_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."call_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_forms" ADD CONSTRAINT "inspection_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_batches_agency_idx" ON "call_batches" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "call_checks_agency_violations_idx" ON "call_checks" USING btree ("agency_id","started_at","record_id") WHERE jsonb_array_length("call_checks"."violations") > 0 or jsonb_array_length("call_checks"."flags") > 0;--> statement-breakpoint
CREATE INDEX "call_checks_creditor_violations_idx" ON "call_checks" USING btree ("creditor_id","started_at","agency_id") WHERE jsonb_array_length("call_checks"."violations") > 0;--> statement-breakpoint
CREATE INDEX "call_inspections_record_idx" ON "call_inspections" USING btree ("record_id","created_at");--> statement-breakpoint
CREATE INDEX "call_inspections_agency_idx" ON "call_inspections" USING btree ("agency_id","created_at","id");--> statement-breakpoint
CREATE INDEX "call_recordings_file_idx" ON "call_recordings" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_records_external_key" ON "call_records" USING btree ("agency_id","external_id");--> statement-breakpoint
CREATE INDEX "call_records_agency_idx" ON "call_records" USING btree ("agency_id","started_at","id");--> statement-breakpoint
CREATE INDEX "call_records_case_idx" ON "call_records" USING btree ("case_id","started_at") WHERE "call_records"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "call_records_debtor_idx" ON "call_records" USING btree ("debtor_idx","started_at") WHERE "call_records"."debtor_idx" is not null;--> statement-breakpoint
CREATE INDEX "call_records_party_idx" ON "call_records" USING btree ("party_idx","started_at");--> statement-breakpoint
CREATE INDEX "call_records_creditor_idx" ON "call_records" USING btree ("creditor_id","started_at") WHERE "call_records"."creditor_id" is not null;--> statement-breakpoint
CREATE INDEX "call_records_batch_idx" ON "call_records" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_call_record_id_call_records_id_fk" FOREIGN KEY ("call_record_id") REFERENCES "public"."call_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_inspection_id_call_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."call_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_cites" CHECK ("sanctions"."complaint_id" is not null or "sanctions"."audit_item_id" is not null or "sanctions"."inspection_id" is not null);--> statement-breakpoint
-- hand-written
-- Call records, their checks, recordings, inspection forms and inspections are evidence:
-- written once, never changed or deleted (NIFA 2018, like collection actions).
CREATE TRIGGER call_records_no_update_delete BEFORE UPDATE OR DELETE ON call_records
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_records_no_truncate BEFORE TRUNCATE ON call_records
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_checks_no_update_delete BEFORE UPDATE OR DELETE ON call_checks
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_checks_no_truncate BEFORE TRUNCATE ON call_checks
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_recordings_no_update_delete BEFORE UPDATE OR DELETE ON call_recordings
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_recordings_no_truncate BEFORE TRUNCATE ON call_recordings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_inspections_no_update_delete BEFORE UPDATE OR DELETE ON call_inspections
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER call_inspections_no_truncate BEFORE TRUNCATE ON call_inspections
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER inspection_forms_no_update_delete BEFORE UPDATE OR DELETE ON inspection_forms
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER inspection_forms_no_truncate BEFORE TRUNCATE ON inspection_forms
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
-- A call record is matched to a case by the other party's number: the blind indexes of
-- the debtor's numbers and the contacts' numbers, found through one GIN index.
CREATE INDEX cases_phone_idxs_idx ON cases USING gin (
  (jsonb_path_query_array(phones, '$[*].idx') || jsonb_path_query_array(contacts, '$[*].phone.idx')) jsonb_path_ops
);
--> statement-breakpoint
-- Version 1 of the inspection form (质检表): weights sum to 100; fatal items fail the call.
INSERT INTO inspection_forms (version, criteria) VALUES (1, '[
 {"key":"identify","weight":10,"fatal":false,"label":{"zh-CN":"表明机构名称与工号","en":"Named the agency and the work number"},"guidance":{"zh-CN":"开场说明所属机构、受托债权人与本人工号。","en":"Opens with the agency, the creditor it works for and the collector''s work number."}},
 {"key":"verify","weight":15,"fatal":false,"label":{"zh-CN":"核实身份后再谈债务","en":"Verified the person before discussing the debt"},"guidance":{"zh-CN":"确认接听人是债务人本人后才提及欠款。","en":"Mentions the debt only once the person answering is confirmed to be the debtor."}},
 {"key":"noThreat","weight":15,"fatal":true,"label":{"zh-CN":"无威胁、恐吓","en":"No threats or intimidation"},"guidance":{"zh-CN":"不以暴力、上门、伤害家人等相威胁。","en":"No threat of violence, of coming to the door, of harm to the family."}},
 {"key":"noInsult","weight":10,"fatal":true,"label":{"zh-CN":"无辱骂、侮辱","en":"No insults"},"guidance":{"zh-CN":"不使用侮辱性称呼或脏话。","en":"No insulting names or abuse."}},
 {"key":"noImpersonation","weight":10,"fatal":true,"label":{"zh-CN":"未冒充公检法或律师","en":"Did not impersonate police, courts or lawyers"},"guidance":{"zh-CN":"不自称或暗示为公安、法院、检察院或律师。","en":"Never claims or implies to be the police, a court, a procuratorate or a lawyer."}},
 {"key":"noDisclosure","weight":15,"fatal":true,"label":{"zh-CN":"未向第三方透露债务","en":"Did not disclose the debt to a third party"},"guidance":{"zh-CN":"联系人接听时只请其转告，不透露欠款事实与金额。","en":"With a contact, only asks them to pass on a message; never reveals the debt or its amount."}},
 {"key":"accurate","weight":10,"fatal":false,"label":{"zh-CN":"欠款信息告知准确","en":"Stated the amounts correctly"},"guidance":{"zh-CN":"金额、逾期天数与案件一致，不夸大后果。","en":"Amounts and days overdue as on the case; consequences not exaggerated."}},
 {"key":"creditorAccount","weight":10,"fatal":false,"label":{"zh-CN":"引导还款至债权人账户","en":"Directed payment to the creditor''s account"},"guidance":{"zh-CN":"只告知债权人的还款渠道，不索要转账至个人账户。","en":"Gives only the creditor''s repayment channels; never asks for a transfer to a personal account."}},
 {"key":"courtesy","weight":5,"fatal":false,"label":{"zh-CN":"语气文明、耐心","en":"Polite and patient"},"guidance":{"zh-CN":"不打断、不催逼，听取债务人的困难。","en":"Does not interrupt or press; listens to the debtor''s difficulties."}}
]'::jsonb);
