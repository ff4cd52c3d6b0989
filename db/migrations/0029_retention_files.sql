CREATE INDEX "stored_files_created_idx" ON "stored_files" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at") WHERE "jobs"."status" in ('done', 'failed');--> statement-breakpoint
CREATE INDEX "case_imports_file_idx" ON "case_imports" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "case_imports_report_file_idx" ON "case_imports" USING btree ("report_file_id") WHERE "case_imports"."report_file_id" is not null;--> statement-breakpoint
CREATE INDEX "repayments_receipt_file_idx" ON "repayments" USING btree ("receipt_file_id") WHERE "repayments"."receipt_file_id" is not null;--> statement-breakpoint
CREATE INDEX "list_exports_file_idx" ON "list_exports" USING btree ("file_id") WHERE "list_exports"."file_id" is not null;--> statement-breakpoint
CREATE INDEX "complaint_uploads_created_idx" ON "complaint_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "complaint_uploads_sha256_idx" ON "complaint_uploads" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "rate_events_at_idx" ON "rate_events" USING btree ("at");--> statement-breakpoint
-- Stored files: never changed, and not removed while young. An upload waits a day to be
-- attached (ATTACH_WINDOW_MS) and the retention sweep removes one nothing took after
-- 25 hours (UNATTACHED_UPLOAD_MS); a file a record points at is held by that record's
-- foreign key (none cascades), so evidence, receipts, documents and imports stay.
CREATE OR REPLACE FUNCTION refuse_change_stored_file() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.created_at <= now() - interval '25 hours' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege',
      DETAIL = 'A stored file can be deleted only 25 hours after its upload, and only when nothing points at it.';
END;
$$;
--> statement-breakpoint
DROP TRIGGER stored_files_no_update_delete ON stored_files;
--> statement-breakpoint
CREATE TRIGGER stored_files_no_update_young_delete
  BEFORE UPDATE OR DELETE ON stored_files
  FOR EACH ROW EXECUTE FUNCTION refuse_change_stored_file();
