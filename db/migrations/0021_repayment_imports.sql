CREATE TYPE "public"."import_kind" AS ENUM('cases', 'repayments');--> statement-breakpoint
ALTER TABLE "case_imports" ADD COLUMN "kind" "import_kind" DEFAULT 'cases' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_imports" ADD COLUMN "summary" jsonb;--> statement-breakpoint
ALTER TABLE "repayments" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "repayments" ADD CONSTRAINT "repayments_import_id_case_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."case_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_imports_kind_idx" ON "case_imports" USING btree ("creditor_id","kind","created_at","id");