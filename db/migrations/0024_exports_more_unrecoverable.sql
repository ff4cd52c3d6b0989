ALTER TYPE "public"."export_list" ADD VALUE 'creditor.imports';--> statement-breakpoint
ALTER TYPE "public"."export_list" ADD VALUE 'agency.bids';--> statement-breakpoint
ALTER TYPE "public"."export_list" ADD VALUE 'agency.market';--> statement-breakpoint
ALTER TYPE "public"."export_list" ADD VALUE 'users';--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closed_reason" text;--> statement-breakpoint
CREATE INDEX "cases_closed_idx" ON "cases" USING btree ("creditor_id","closed_on") WHERE "cases"."closed_on" is not null;