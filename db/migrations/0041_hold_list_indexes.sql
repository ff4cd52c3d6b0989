DROP INDEX "case_holds_creditor_idx";--> statement-breakpoint
CREATE INDEX "case_holds_creditor_open_idx" ON "case_holds" USING btree ("creditor_id","raised_at","id") WHERE "case_holds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "case_holds_creditor_answered_idx" ON "case_holds" USING btree ("creditor_id","raised_at","id") WHERE "case_holds"."status" <> 'open';