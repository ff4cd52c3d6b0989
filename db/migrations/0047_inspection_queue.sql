DROP INDEX "call_inspections_record_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "call_inspections_record_side_key" ON "call_inspections" USING btree ("record_id","side");--> statement-breakpoint
CREATE INDEX "call_records_matched_calls_idx" ON "call_records" USING btree ("started_at","id") WHERE "call_records"."case_id" is not null and "call_records"."kind" = 'call';