CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"month" text NOT NULL,
	"figures" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "settled_on" date;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_creditor_id_organizations_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disclosures_creditor_month_key" ON "disclosures" USING btree ("creditor_id","month");--> statement-breakpoint
CREATE INDEX "disclosures_published_idx" ON "disclosures" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "cases_settled_idx" ON "cases" USING btree ("creditor_id","settled_on") WHERE "cases"."settled_on" is not null;--> statement-breakpoint
-- A published disclosure is what the public read: it never changes and is never removed.
CREATE TRIGGER disclosures_no_update_delete
  BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
--> statement-breakpoint
CREATE TRIGGER disclosures_no_truncate
  BEFORE TRUNCATE ON disclosures
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();
