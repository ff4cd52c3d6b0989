ALTER TABLE "case_holds" ADD COLUMN "document_upload_id" uuid;--> statement-breakpoint
ALTER TABLE "case_holds" ADD COLUMN "document_name" text;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_document_upload_id_complaint_uploads_id_fk" FOREIGN KEY ("document_upload_id") REFERENCES "public"."complaint_uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_holds_document_key" ON "case_holds" USING btree ("document_upload_id");