DROP INDEX "cases_creditor_filter_idx";--> statement-breakpoint
DROP INDEX "cases_package_idx";--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "overdue_from" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_creditor_province_idx" ON "cases" USING btree ("creditor_id","province","overdue_since");--> statement-breakpoint
CREATE INDEX "cases_creditor_filter_idx" ON "cases" USING btree ("creditor_id","status","overdue_since","province");--> statement-breakpoint
CREATE INDEX "cases_package_idx" ON "cases" USING btree ("package_id","overdue_since");--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "days_overdue";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "bucket";